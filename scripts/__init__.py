"""The guide's code. Here: the content model every part reads (model, siteconfig,
sitedata, facts, registry, fingerprint, findings) and the checks (checks/, each a function
from the model to findings). Around it, each in its own place: build/ (what `mkdocs
build` runs), editors/ (what editors run) and quality/ (what measures the site)."""
