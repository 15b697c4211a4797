"""Persistence: SQLite by default, behind one interface so another engine can follow."""
