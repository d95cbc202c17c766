-- Every change that can change a rights decision says so on the channel "econnect_rights", from
-- inside the changing transaction: PostgreSQL delivers it to every listening process at commit, and
-- never for a rolled-back change. Each process's cache of decisions forgets what the message names:
--   u:<user id>:<email>   a user was created, deleted, or changed status, role, email or environment
--   m:<user id>           one of the user's memberships was added, changed or removed
--   *                     an organisation was created, deleted or moved; an API token changed
-- (Triggers are not part of schema.prisma; this migration is their one definition.)

-- CreateFunction
CREATE FUNCTION "econnect_rights_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('econnect_rights', 'u:' || OLD."id" || ':' || OLD."email"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('econnect_rights', 'u:' || NEW."id" || ':' || NEW."email"); END IF;
  ELSIF TG_TABLE_NAME = 'Membership' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('econnect_rights', 'm:' || OLD."userId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('econnect_rights', 'm:' || NEW."userId"); END IF;
  ELSE
    PERFORM pg_notify('econnect_rights', '*');
  END IF;
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "User_rights_changed" AFTER INSERT OR DELETE OR UPDATE OF "status", "role", "email", "environmentId" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();

-- CreateTrigger
CREATE TRIGGER "Membership_rights_changed" AFTER INSERT OR DELETE OR UPDATE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();

-- CreateTrigger
CREATE TRIGGER "Organisation_rights_changed" AFTER INSERT OR DELETE OR UPDATE OF "environmentId" ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();

-- CreateTrigger
CREATE TRIGGER "ApiToken_rights_changed" AFTER INSERT OR DELETE OR UPDATE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "econnect_rights_changed"();
