"""Word lists of Rouge 3.30's ``javascript`` lexer (lexers/javascript.py), kept apart from it."""

from __future__ import annotations

JAVASCRIPT_BUILTINS = ["Array", "Boolean", "Date", "Error", "Function", "Math", "netscape", "Number", "Object", "Packages", "RegExp", "String", "sun", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "Error", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "document", "window", "navigator", "self", "global", "Promise", "Set", "Map", "WeakSet", "WeakMap", "Symbol", "Proxy", "Reflect", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Uint16ClampedArray", "Int32Array", "Uint32Array", "Uint32ClampedArray", "Float32Array", "Float64Array", "DataView", "ArrayBuffer"]
