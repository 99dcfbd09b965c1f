import sys

from ticket_assets.cli import main

sys.exit(main())
