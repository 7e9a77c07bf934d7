"""Contract checks for the classes of server bug one response cannot show, generic over the spec model.

One module per class, each a factory that builds a Schemathesis check for one API (a
hooks module registers it with ``common.register``, which makes it say nothing when
one of its own requests meets a throttle or an injected fault):

- ``isolation.py``: another tenant never reaches this tenant's records;
- ``read_after_write.py``: a successful write is what the record and the list then show;
- ``token_lifetime.py``: an expired token is refused and a renewed one accepted;
- ``paging.py``: every paged list is sound at page-size boundaries;
- ``field_selection.py``: a field selection answers exactly the fields selected.

``common.py`` holds what they share (identities, records in answers, the spec's links);
``tiny_app.py`` is a tiny API the checks' own tests plant each bug in.
"""
