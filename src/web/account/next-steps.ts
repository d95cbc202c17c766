// The first administrator's next steps, on the account page while any is left: connect Slack, invite
// colleagues, choose the notification channel. Each step says whether it is done, in words (not by
// colour alone).
import { html, type Html } from '../html.ts';
import type { Locale } from '../i18n.ts';
import { sayer } from '../../i18n/sentence.ts';
import type { EnvironmentView } from './account-view.ts';
import { isSlackConnected } from './slack-connection.ts';

export function nextStepsPanel(locale: Locale, env: EnvironmentView): Html | string {
  const s = sayer(locale);
  const steps = [
    { done: isSlackConnected(env), what: s('web.account.stepSlack'), how: s('web.account.stepSlackHow') },
    { done: env.people > 1, what: s('web.account.stepInvite'), how: s('web.account.stepInviteHow') },
    { done: env.notificationChannelId !== null, what: s('web.account.stepChannel'), how: s('web.account.stepChannelHow') },
  ];
  if (steps.every((x) => x.done)) return '';
  return html`<section class="card" aria-labelledby="next-steps"><h2 id="next-steps">${s('web.account.nextSteps')}</h2>
<p>${s('web.account.nextIntro')}</p>
<ol class="steps">${steps.map((x) => html`<li><strong>${x.what}</strong> <span class="status${x.done ? ' done' : ''}">${x.done ? s('web.account.done') : s('web.account.toDo')}</span><br>${x.how}</li>`)}</ol>
</section>`;
}
