-- Invitations say so on the channel "econnect_rights" too (see 20261128060000_rights_changes), so
-- every process's open App Homes follow a resent or revoked invitation whichever surface made it:
--   i:<user id>   one of the user's invitations was created, used, revoked or removed
-- An invitation changes no rights decision: the decision cache ignores these.

-- CreateFunction
CREATE OR REPLACE FUNCTION "econnect_rights_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('econnect_rights', 'u:' || OLD."id" || ':' || OLD."email"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('econnect_rights', 'u:' || NEW."id" || ':' || NEW."email"); END IF;
  ELSIF TG_TABLE_NAME = 'Membership' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('econnect_rights', 'm:' || OLD."userId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('econnect_rights', 'm:' || NEW."userId"); END IF;
  ELSIF TG_TABLE_NAME = 'Invitation' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('econnect_rights', 'i:' || OLD."userId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('econnect_rights', 'i:' || NEW."userId"); END IF;
  ELSE
    PERFORM pg_notify('econnect_rights', '*');
  END IF;
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Invitation_changed" AFTER INSERT OR DELETE OR UPDATE ON "Invitation"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();
