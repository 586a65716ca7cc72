/**
 * Driving a fresh Ghost through its Admin API as the owner (session cookie,
 * the way Ghost Admin does): owner setup, the owner's staff access token, a
 * custom integration's key, members, and a post published and emailed to
 * every member of the default newsletter.
 */

export const OWNER = {
  name: 'Clickmap QA',
  email: 'owner@clickmap.test',
  password: 'Lens-7Tq9-Xv2m-Rp4w-qa',
  blogTitle: 'Clickmap Lens Ghost rig',
};

export interface GhostEmail {
  id: string;
  status: string;
  email_count: number;
  subject: string;
}

export interface GhostPost {
  id: string;
  uuid: string;
  slug: string;
  url: string;
  updated_at: string;
  email?: GhostEmail | null;
}

type Json = Record<string, unknown>;

export class GhostAdmin {
  private cookie = '';
  readonly url: string;
  private constructor(url: string) {
    this.url = url;
  }

  /** Creates the owner on a fresh site (or just signs in when it exists). */
  static async setUp(url: string): Promise<GhostAdmin> {
    const admin = new GhostAdmin(url);
    const state = (await admin.call('GET', '/authentication/setup/')) as {
      setup: { status: boolean }[];
    };
    if (!state.setup[0]?.status) {
      await admin.call('POST', '/authentication/setup/', { setup: [OWNER] });
    }
    await admin.signIn();
    return admin;
  }

  private async signIn(): Promise<void> {
    const res = await fetch(`${this.url}/ghost/api/admin/session/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.url },
      body: JSON.stringify({ username: OWNER.email, password: OWNER.password }),
    });
    if (!res.ok) throw new Error(`Ghost sign-in: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    // Ghost answers the sign-in before its session row is written: on a busy
    // machine the next request can come first and is refused (403). Wait for it.
    for (let attempt = 0; ; attempt++) {
      const me = await fetch(`${this.url}/ghost/api/admin/users/me/`, {
        headers: { origin: this.url, cookie: this.cookie },
      });
      if (me.ok) return;
      if (attempt >= 40)
        throw new Error(`Ghost session not usable: ${me.status} ${await me.text()}`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}/ghost/api/admin${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        origin: this.url,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Ghost ${method} ${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** The owner's staff access token, "<id>:<secret>". */
  async staffToken(): Promise<string> {
    const me = (await this.call('GET', '/users/me/')) as { users: { id: string }[] };
    const token = (await this.call('GET', `/users/${me.users[0]?.id}/token/`)) as {
      apiKey: { id: string; secret: string };
    };
    return `${token.apiKey.id}:${token.apiKey.secret}`;
  }

  /** A new custom integration's Admin API key, "<id>:<secret>". */
  async integrationKey(name: string): Promise<string> {
    const created = (await this.call('POST', '/integrations/?include=api_keys', {
      integrations: [{ name }],
    })) as { integrations: { api_keys: { type: string; id: string; secret: string }[] }[] };
    const key = created.integrations[0]?.api_keys.find((k) => k.type === 'admin');
    if (!key) throw new Error('Ghost created the integration without an admin key');
    // Ghost's serializer already gives admin keys as "<id>:<secret>".
    return key.secret.includes(':') ? key.secret : `${key.id}:${key.secret}`;
  }

  /** Members subscribed to the default newsletter; returns their uuids by email. */
  async addMembers(emails: readonly string[]): Promise<Map<string, string>> {
    const uuids = new Map<string, string>();
    for (const email of emails) {
      const created = (await this.call('POST', '/members/', {
        members: [{ email, name: email.split('@')[0] }],
      })) as { members: { uuid: string }[] };
      uuids.set(email, created.members[0]?.uuid ?? '');
    }
    return uuids;
  }

  /**
   * A post from HTML (kept whole in an HTML card), published and emailed to
   * all members of the default newsletter; resolves once Ghost has handed
   * every batch to Mailgun.
   */
  async publishAndSend(title: string, html: string): Promise<GhostPost> {
    const created = (await this.call('POST', '/posts/?source=html', {
      posts: [
        {
          title,
          status: 'draft',
          html: `<!--kg-card-begin: html-->${html}<!--kg-card-end: html-->`,
        },
      ],
    })) as { posts: GhostPost[] };
    const draft = created.posts[0];
    if (!draft) throw new Error('Ghost created no post');
    const newsletters = (await this.call('GET', '/newsletters/?filter=status:active')) as {
      newsletters: { slug: string }[];
    };
    const slug = newsletters.newsletters[0]?.slug ?? 'default-newsletter';
    await this.call('PUT', `/posts/${draft.id}/?newsletter=${slug}&email_segment=all`, {
      posts: [{ status: 'published', updated_at: draft.updated_at }],
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const read = (await this.call('GET', `/posts/${draft.id}/?include=email`)) as {
        posts: GhostPost[];
      };
      const post = read.posts[0];
      const status = post?.email?.status;
      if (post && status === 'submitted') return post;
      if (status === 'failed')
        throw new Error(`Ghost failed to send the email: ${JSON.stringify(post?.email)}`);
      if (Date.now() > deadline) throw new Error(`email still ${status ?? 'absent'} after 90 s`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }

  async json(path: string): Promise<Json> {
    return (await this.call('GET', path)) as Json;
  }
}
