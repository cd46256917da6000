"""``jekpy.site.Site``: the site object, for programs that drive a build step by
step (``Site(load_config(folder)).read()``, then ``site.liquid.render_source(...)``,
``site.render()``, ``site.write()``).  The class lives in :mod:`jekpy.builder.site`;
this is its public import path (also ``jekpy.Site``), kept stable for tools such as
the Liquid differential tester."""

from __future__ import annotations

from .builder.site import Site

__all__ = ["Site"]
