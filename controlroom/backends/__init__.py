"""Backends: the platforms ControlRoom can talk to, behind one seam (issue 11).

``base`` holds the protocol; each backend is a module of its own (``wvp``,
``static_file``, ``api_v1`` over ``controlroom.api.client``). ``address.parse``
says which backend an address names; ``controlroom.session.Session`` opens it.
"""
