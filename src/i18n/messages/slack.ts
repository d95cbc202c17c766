// The slack messages, English and Dutch. Keys start with 'slack.'.
import { defineMessages } from './define.ts';

export const slackMessages = defineMessages<never>({}, {});
