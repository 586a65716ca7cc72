import { describe, expect, it } from 'vitest';
import { decodeCampaignRef, matchCampaign } from './campaign-match.ts';

// Real link formats from ../shared/corpus/tracking-links.json.
const LISTMONK =
  'https://emails.trademarkia.com/link/fa164b81-d360-4686-97ba-bc8b0670ef46/35f1ae31-fdc1-49cf-88aa-1c094173d922/611e2fc9-286b-485d-90f2-bf03a4915d4e';
const MAILGUN_WRAPPING_LISTMONK =
  'http://email.something.com/c/eJxczjmO6zAMANDTyB0NkqIWFi5-43toIyLYToLEwL_-tIPpX_H6lk0MJSxjo0TMXlTj8tiwEg2sEmIZmLV0a8a1l9E4jt50mb98okxIiGGlVTwHEfbBo2iWzKhO8Jzf-3o9D0hJzayHFED4eLyXc3vc9_vr_D_Hu-N9XGWe3_X-lD6u8jlmWdvrcryf83k43q1QlJoJuo8IEnMETbVAbbliTDhMouPdB6MyPIH1RiDaDHIuBaihCiXfldnxHokGW1PgHCtIDh0UjaEa-iJKoctYPtvo_-fTCf5Z_QQAAP__88xYxw';
const MAUTIC =
  'http://mautic.example.org/r/ae894c5d1dec7f00766ee10f1?ct=YTo0OntzOjY6InNvdXJjZSI7YToyOntpOjA7czo1OiJlbWFpbCI7aToxO2k6OTk7fXM6NToiZW1haWwiO2k6OTk7czo0OiJzdGF0IjtzOjEzOiI1NmMxZDAyNjBkNDJmIjtzOjQ6ImxlYWQiO2k6OTU7fQ%3D%3D';
const MAILCHIMP_DESTINATION =
  'https://www.technologyreview.com/2024/06/25/1093520/supershoes-running-kenya-carbon-plate-shoes/?truid=&utm_source=the_download&utm_medium=email&utm_campaign=the_download.unpaid.engagement&utm_term=&utm_content=06-25-2024&mc_cid=6d785331c3&mc_eid=UNIQID';
const MAILCHIMP_UNSUBSCRIBE =
  'https://pointer.us9.list-manage.com/unsubscribe?u=e9492ff27d760c578a39d0675&id=6ba2b83261&e=0e436c5282&c=372ed99dad';
const MAILCHIMP_CLICK =
  'https://pointer.us9.list-manage.com/track/click?u=e9492ff27d760c578a39d0675&id=f4a9013c97&e=0e436c5282';
const SAFE_LINKS_MAILCHIMP = `https://nam06.safelinks.protection.outlook.com/?url=${encodeURIComponent(MAILCHIMP_DESTINATION)}&data=x&reserved=0`;

describe('decodeCampaignRef', () => {
  it.each([
    [
      LISTMONK,
      { provider: 'listmonk', campaignUuid: '35f1ae31-fdc1-49cf-88aa-1c094173d922' },
      'listmonk-link-uuid',
    ],
    [
      MAILGUN_WRAPPING_LISTMONK,
      { provider: 'listmonk', campaignUuid: '35f1ae31-fdc1-49cf-88aa-1c094173d922' },
      'listmonk-link-uuid',
    ],
    [MAUTIC, { provider: 'mautic', emailId: '99' }, 'mautic-ct-email'],
    [
      MAILCHIMP_DESTINATION,
      { provider: 'mailchimp', campaignId: '6d785331c3' },
      'mailchimp-mc_cid',
    ],
    [SAFE_LINKS_MAILCHIMP, { provider: 'mailchimp', campaignId: '6d785331c3' }, 'mailchimp-mc_cid'],
    [
      MAILCHIMP_UNSUBSCRIBE,
      { provider: 'mailchimp', campaignId: '372ed99dad' },
      'mailchimp-unsubscribe-c',
    ],
  ])('%s', (href, ref, via) => {
    expect(decodeCampaignRef(href)).toEqual({ ref, via });
  });

  it.each([
    [MAILCHIMP_CLICK],
    ['#'],
    [''],
    ['https://www.wired.com/story/x/'],
    ['mailto:a@example.org'],
  ])('names no campaign: %s', (href) => {
    expect(decodeCampaignRef(href)).toBeNull();
  });
});

describe('matchCampaign', () => {
  it('picks the campaign most links name and counts the others', () => {
    const match = matchCampaign({
      hrefs: [MAILCHIMP_CLICK, MAILCHIMP_DESTINATION, SAFE_LINKS_MAILCHIMP, MAILCHIMP_UNSUBSCRIBE],
    });
    expect(match).toEqual({
      kind: 'decoded',
      ref: { provider: 'mailchimp', campaignId: '6d785331c3' },
      votes: 2,
      conflicting: 1,
      evidence: { href: MAILCHIMP_DESTINATION, via: 'mailchimp-mc_cid' },
    });
  });

  it('falls back to a lookup request with distinct links, subject and sender', () => {
    const match = matchCampaign({
      hrefs: [MAILCHIMP_CLICK, '#', MAILCHIMP_CLICK, ' https://www.wired.com/story/x/ '],
      subject: 'Supershoes are reshaping distance running',
      sender: 'The Download <newsletters@technologyreview.com>',
    });
    expect(match).toEqual({
      kind: 'lookup',
      request: {
        hrefs: [MAILCHIMP_CLICK, 'https://www.wired.com/story/x/'],
        subject: 'Supershoes are reshaping distance running',
        sender: 'The Download <newsletters@technologyreview.com>',
      },
    });
  });
});
