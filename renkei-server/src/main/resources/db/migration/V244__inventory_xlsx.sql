-- Issue 16 (exposure3): inventories imported from Excel workbooks (xlsx, the CSV's columns). An
-- xlsx import replaces the organisation's assets of earlier xlsx imports, as a CSV import those of
-- CSV imports.

alter table exposure_asset drop constraint exposure_asset_source_check;
alter table exposure_asset add constraint exposure_asset_source_check
    check (source in ('csv', 'nmap', 'xlsx'));

alter table exposure_import drop constraint exposure_import_format_check;
alter table exposure_import add constraint exposure_import_format_check
    check (format in ('csv', 'nmap', 'xlsx'));
