-- Rule JSON is snake_case like the rest of the API (issue 12): stored campaign definitions written
-- with the camelCase rule names are renamed in place, so campaigns saved before keep running.
-- Quoted names only: a rule key is always a JSON property name in quotes; the REPLACE runs on H2
-- and PostgreSQL alike.
UPDATE campaign SET definition = REPLACE(definition, '"climateZones"', '"climate_zones"');
UPDATE campaign SET definition = REPLACE(definition, '"excludePrefectures"', '"exclude_prefectures"');
UPDATE campaign SET definition = REPLACE(definition, '"inSeason"', '"in_season"');
UPDATE campaign SET definition = REPLACE(definition, '"matchCustomerClimate"', '"match_customer_climate"');
UPDATE campaign SET definition = REPLACE(definition, '"minStock"', '"min_stock"');
UPDATE campaign SET definition = REPLACE(definition, '"unknownSize"', '"unknown_size"');
UPDATE campaign SET definition = REPLACE(definition, '"notOfferedWithinDays"', '"not_offered_within_days"');
UPDATE campaign SET definition = REPLACE(definition, '"minItems"', '"min_items"');
UPDATE campaign SET definition = REPLACE(definition, '"maxItems"', '"max_items"');
UPDATE campaign SET definition = REPLACE(definition, '"boughtScope"', '"bought_scope"');
UPDATE campaign SET definition = REPLACE(definition, '"overstockAbove"', '"overstock_above"');
UPDATE campaign SET definition = REPLACE(definition, '"arrivedWithinDays"', '"arrived_within_days"');
UPDATE campaign SET definition = REPLACE(definition, '"topCategories"', '"top_categories"');
UPDATE campaign SET definition = REPLACE(definition, '"howTo"', '"how_to"');
UPDATE campaign SET definition = REPLACE(definition, '"boughtWithinDays"', '"bought_within_days"');
UPDATE campaign SET definition = REPLACE(definition, '"maxBlocks"', '"max_blocks"');
UPDATE campaign SET definition = REPLACE(definition, '"minPoints"', '"min_points"');
UPDATE campaign SET definition = REPLACE(definition, '"expiringWithinDays"', '"expiring_within_days"');
