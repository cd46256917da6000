"""The parts of ``jekpy serve`` (run by :mod:`jekpy.serve.server`).

* :mod:`.paths` maps request paths to files, never leaving the output folder;
* :mod:`.content` has content types and the live-reload script injection;
* :mod:`.errorpage` renders a failed build for the browser;
* :mod:`.state` is what the build thread tells the request threads;
* :mod:`.handler` is the HTTP server;
* :mod:`.watcher` decides which file changes start a rebuild.
"""
