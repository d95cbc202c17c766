-- AlterEnum: Slack work acknowledged to Slack and done afterwards (a command, a button, a form's
-- confirmation) is recorded in the outbox before the ack and worked by its leased worker.
ALTER TYPE "OutboxKind" ADD VALUE 'SLACK_WORK';
