-- AlterEnum: a Slack notification with nobody to send it to yet waits (WAITING) until a notification
-- channel or an administrator's Slack account is known; one whose email went out meanwhile is DROPPED.
ALTER TYPE "OutboxStatus" ADD VALUE 'WAITING';
ALTER TYPE "OutboxStatus" ADD VALUE 'DROPPED';
