/**
 * Re-captures test/fixtures/api/ghost/ from a real Ghost (the rig): sends the
 * corpus newsletter to three members, clicks as them (loop.ts CLICK_PLAN),
 * marks two opens in the fake Mailgun, waits until Ghost's own analytics job
 * has read deliveries and opens (it polls every 5 minutes), then saves each
 * response the Ghost source reads, for both kinds of key, plus Ghost's 401
 * and 403 bodies and one member's received copy.
 *
 *   node test/e2e/ghost/capture.ts [--no-wait]
 *
 * Ids, uuids and dates are Ghost's own; the keys' secrets are never saved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adminApiBase } from '../../../utils/sources/ghost/client.ts';
import { adminToken, parseAdminKey } from '../../../utils/sources/ghost/admin-token.ts';
import { clickAsMembers, MEMBERS, sendNewsletter, trackedLinks } from './loop.ts';
import { startGhostRig } from './rig.ts';

const OUT = resolve(import.meta.dirname, '../../fixtures/api/ghost');
const { values } = parseArgs({ options: { 'no-wait': { type: 'boolean', default: false } } });

async function getAs(key: string, url: string): Promise<{ status: number; body: unknown }> {
  const parsed = parseAdminKey(key);
  if (!parsed) throw new Error('bad key');
  const token = await adminToken(parsed, Date.now());
  const res = await fetch(url, { headers: { Authorization: `Ghost ${token}` } });
  return { status: res.status, body: (await res.json()) as unknown };
}

const rig = await startGhostRig({ port: 2390 });
try {
  const sent = await sendNewsletter(rig, 'Your Northwind Cloud receipt');
  const clicks = await clickAsMembers(rig, sent);
  const post = sent.post;
  const emailId = post.email?.id ?? '';
  for (const member of MEMBERS.slice(0, 2)) rig.mailgun.open(emailId, member);
  const api = adminApiBase(rig.url);
  const postUrl = `${api}/posts/${post.id}/?include=email,count.clicks&formats=mobiledoc&fields=id,title,url,published_at`;
  if (!values['no-wait']) {
    const deadline = Date.now() + 7 * 60_000;
    for (;;) {
      const { body } = await getAs(rig.staffToken, postUrl);
      const email = (
        body as { posts: { email: { opened_count: number; delivered_count: number } }[] }
      ).posts[0]?.email;
      if (email && email.opened_count >= 2 && email.delivered_count >= MEMBERS.length) break;
      if (Date.now() > deadline)
        throw new Error(`Ghost's analytics job did not run: ${JSON.stringify(email)}`);
      await new Promise((done) => setTimeout(done, 10_000));
    }
  }
  const linksUrl = `${api}/links/?filter=${encodeURIComponent(`post_id:'${post.id}'`)}`;
  const eventsUrl = `${api}/members/events/?filter=${encodeURIComponent(
    `type:click_event+data.post_id:'${post.id}'`,
  )}&limit=1000`;
  const firstTracked = (trackedLinks(sent.copies.get(MEMBERS[0]!)!, rig.url)[0] ?? '').split(
    '?',
  )[0]!;
  const captures: Record<string, [string, string]> = {
    'post-staff': [rig.staffToken, postUrl],
    'post-integration': [rig.integrationKey, postUrl],
    'links-staff': [rig.staffToken, linksUrl],
    'links-integration-403': [rig.integrationKey, linksUrl],
    'click-events-integration': [rig.integrationKey, eventsUrl],
    'click-events-staff': [rig.staffToken, eventsUrl],
    'links-by-from-staff': [
      rig.staffToken,
      `${api}/links/?filter=${encodeURIComponent(`from:'${firstTracked}'`)}`,
    ],
    'links-by-from-path-staff': [
      rig.staffToken,
      `${api}/links/?filter=${encodeURIComponent(`from:'${new URL(firstTracked).pathname}'`)}`,
    ],
    'sent-posts-integration': [
      rig.integrationKey,
      `${api}/posts/?filter=${encodeURIComponent('status:[published,sent]+email_recipient_filter:-none')}&include=email&fields=id,title,url,published_at&order=${encodeURIComponent('published_at desc')}&limit=100`,
    ],
    'wrong-key-401': [`${rig.integrationKey.split(':')[0]}:${'0'.repeat(64)}`, postUrl],
  };
  mkdirSync(OUT, { recursive: true });
  const index: Record<string, { url: string; status: number }> = {};
  for (const [name, [key, url]] of Object.entries(captures)) {
    const { status, body } = await getAs(key, url);
    index[name] = { url: url.replace(rig.url, '<site>'), status };
    writeFileSync(resolve(OUT, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  }
  const copy = sent.copies.get(MEMBERS[0]!);
  writeFileSync(resolve(OUT, 'received-copy.html'), copy?.html ?? '');
  writeFileSync(
    resolve(OUT, 'capture.json'),
    `${JSON.stringify(
      {
        ghost: '6.65.0',
        site: rig.url,
        capturedAt: new Date().toISOString(),
        postId: post.id,
        emailId,
        members: MEMBERS,
        clicks,
        opensMarked: 2,
        responses: index,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`captured ${Object.keys(captures).length} responses into ${OUT}`);
} finally {
  await rig.stop();
}
