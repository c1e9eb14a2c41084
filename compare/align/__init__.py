"""Alignment and judging: the rules that say two figures may count the same thing
(``rules``), the same rules in bulk (``scoring``, ``columns``), optimal one-to-one pairing
(``pairs``) and verdicts (``judge``).  They read Figure fields only."""
