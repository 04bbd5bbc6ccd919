import sys

from scripts.editors.cli import main

sys.exit(main())
