from ticket_assets.command import command_line

command_line()
