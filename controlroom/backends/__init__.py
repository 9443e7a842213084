"""Backends: the platforms ControlRoom can talk to, behind one seam (issue 11).

``base`` holds the protocol; each backend is a module of its own (``wvp``,
``static_file``; API v1 is ``controlroom.api.client`` until the seam is wired
through the session). ``address.parse`` says which backend an address names.
"""
