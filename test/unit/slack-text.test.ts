// The one escaping function for mrkdwn, truncation that never cuts an entity, and user values whose
// formatting characters would change their look shown as plain_text.
import { describe, expect, it } from 'vitest';
import { cut, escapeMrkdwn, flatten, message, section, strong, userText } from '../../src/slack/blocks/text.ts';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> <https://x|y> *b* _i_ ~s~')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt; *b* _i_ ~s~');
    expect(escapeMrkdwn(null)).toBe('');
  });
});

describe('cut', () => {
  it('never leaves half an entity', () => {
    const escaped = escapeMrkdwn('ab<<<<');
    for (let max = 3; max <= escaped.length; max++) {
      const out = cut(escaped, max);
      expect([...out].length).toBeLessThanOrEqual(max);
      expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
    expect(cut('abc', 10)).toBe('abc');
    expect(cut('ab&amp;cd', 5)).toBe('ab…');
    expect(cut('ab&amp;cd', 8)).toBe('ab&amp;…');
  });
});

describe('section', () => {
  it('keeps mrkdwn when no user value would change its look', () => {
    const text = `<@U9> created ${strong('R&D <!here>')} for ${userText('a_b')}`;
    expect(section(text)).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<@U9> created *R&amp;D &lt;!here&gt;* for a_b' } });
    expect(message(text).text).toBe('<@U9> created *R&amp;D &lt;!here&gt;* for a_b');
  });

  it('shows a value with formatting characters as plain_text, exactly as typed, beside the mention', () => {
    const block = section(`<@U9> created ${strong('*big* & <!channel>')} today.`) as any;
    expect(block.type).toBe('context');
    expect(block.elements).toEqual([
      { type: 'mrkdwn', text: '<@U9> created ' },
      { type: 'plain_text', text: '*big* & <!channel>', emoji: true },
      { type: 'mrkdwn', text: ' today.' },
    ]);
  });

  it('a value cannot forge the private marks', () => {
    expect(flatten(userText('\uE001<!here>\uE000'))).toBe('&lt;!here&gt;');
  });
});
