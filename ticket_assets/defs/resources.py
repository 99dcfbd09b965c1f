from pathlib import Path

from dagster import ConfigurableResource

from ticket_assets.config import Settings, load_settings
from ticket_assets.store.warehouse import Warehouse


class TicketsConfig(ConfigurableResource):
    """Where the inbox and the working files are; empty means TICKETS_INBOX / TICKETS_HOME."""

    inbox: str = ""
    home: str = ""

    def settings(self) -> Settings:
        return load_settings(Path(self.inbox) if self.inbox else None, Path(self.home) if self.home else None)

    def warehouse(self) -> Warehouse:
        settings = self.settings()
        return Warehouse.at(settings.warehouse_url, settings.faults)
