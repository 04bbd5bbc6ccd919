"""Editors' toolkit for the guide site: content model, checks and commands."""
