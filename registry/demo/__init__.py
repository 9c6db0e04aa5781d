"""The demo museum that ``make run`` loads: fictional objects, drawn pictures, real importer.

- ``collection``: the objects, as Python data, one module per holding museum;
- ``drawing``: the procedural pictures (Pillow only, nothing downloaded);
- ``build``: writes the pictures and a JSON Lines exchange file;
- ``loader``: runs the register importer on them and creates demo accounts.

The texts are written for the demo and every object is fictional; see docs/demo.md.
"""
