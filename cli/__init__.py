"""The command line: thin typer commands that parse, call one service, and render.

Modules here import only typer at load time; each command imports the domain code it
needs when it runs, so ``trackrecord --help`` and ``forecast add`` stay fast.
"""
