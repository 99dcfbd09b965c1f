from dagster import DynamicPartitionsDefinition

# One partition per date folder, keyed `YYYY-MM-DD`. Dynamic keys list in insertion
# order: anything that shows days sorts them.
date_folders = DynamicPartitionsDefinition(name="date_folders")
