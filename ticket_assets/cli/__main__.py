from ticket_assets.cli import command_line

command_line()
