"""Rules of the work, in plain Python: nothing here knows about the web or the database."""
