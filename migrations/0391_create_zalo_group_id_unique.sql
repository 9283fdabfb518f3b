-- One row per Zalo group in a ward. Deliveries are keyed by our row id, so the same OA group registered
-- twice (two staff at once, or any API client) would make every post reach its residents twice. A
-- unique violation becomes GROUP_NAME_TAKEN (wards/groups-service.ts), which names the group id too.
-- A ward that already holds such a pair is stopped here with the rows to merge, not silently changed:
-- either row may carry deliveries and schedule targets.
DO $$
DECLARE
  dupes text;
BEGIN
  SELECT string_agg(format('ward %s, Zalo group %s (%s rows)', ward_id, zalo_group_id, n), '; ')
    INTO dupes
    FROM (SELECT ward_id, zalo_group_id, count(*) AS n FROM zalo_groups
           WHERE zalo_group_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d;
  IF dupes IS NOT NULL THEN
    RAISE EXCEPTION 'Nhóm Zalo được đăng ký hai lần trong cùng phường, cần gộp trước khi nâng cấp: %', dupes;
  END IF;
END $$;

CREATE UNIQUE INDEX zalo_groups_ward_zalo_group_id_key ON zalo_groups (ward_id, zalo_group_id)
  WHERE zalo_group_id IS NOT NULL;
