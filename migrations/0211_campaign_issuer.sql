-- Who issued the plan and where (owned by the campaigns feature): "UBND phường Dầu Giây" or
-- "ĐẢNG ỦY PHƯỜNG DẦU GIÂY", and the place line's name ("Dầu Giây"). The report of a plan is written
-- in the name of the body that issued it, so these are kept as the document gives them.
ALTER TABLE campaigns
  ADD COLUMN issuing_body text,
  ADD COLUMN issuing_place text;
