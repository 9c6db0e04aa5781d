"""The demo exhibitions, story and theme hub that ``make run`` loads after the demo museum.

- ``content``: the pages, one module per exhibition or page, texts as ``T(uk, en)`` pairs;
- ``spec``: how pages and blocks are written down and turned into raw StreamField JSON;
- ``pictures``, ``gltf``, ``media``: illustrations, a 3D pysanka, audio and WebVTT files,
  all generated (nothing downloaded);
- ``loader``: ``load_story_demo()`` creates or updates the pages in Ukrainian and English.

The events named in the texts are real; the objects shown are the demo museum's fictional
records (see docs/demo.md).
"""
