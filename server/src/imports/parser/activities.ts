/**
 * The activities of the "NỘI DUNG" section, each with the channels it names (loudspeakers, the
 * website, social networks, Zalo groups, banners, meetings, articles), and the places where banners
 * go: "Treo băng rôn … tại trụ sở UBND phường, Trung tâm …, Phòng … và các khu vực phù hợp".
 */
import { type Found, found, LIKELY, SURE } from './fields.js';
import { capitalise, stripMarker } from './text.js';

export type Channel = 'loudspeaker' | 'website' | 'social' | 'zalo' | 'banner' | 'meeting' | 'article';

export interface Activity {
  text: string;
  /** The sub-heading it sits under ("Công tác tuyên truyền"), if any. */
  group: string | null;
  channels: Channel[];
  line: number;
  confidence: number;
}

const CHANNELS: [Channel, RegExp][] = [
  ['loudspeaker', /truyền thanh|phát thanh|\bloa\b/iu],
  ['website', /trang thông tin điện tử|cổng thông tin|website/iu],
  ['social', /mạng xã hội|facebook|fanpage|tiktok/iu],
  ['zalo', /zalo/iu],
  ['banner', /(treo|trang trí|căng)[^.;]*(băng rôn|băng-rôn|pa-?nô|áp phích|khẩu hiệu|cờ)/iu],
  ['meeting', /cuộc họp|hội nghị|sinh hoạt|hội thảo|tọa đàm|toạ đàm/iu],
  ['article', /tin,? bài|bài viết|đăng tin|viết bài/iu],
];

export function channelsOf(text: string): Channel[] {
  return CHANNELS.filter(([, pattern]) => pattern.test(text)).map(([channel]) => channel);
}

/** A sub-heading: numbered or lettered, short, and not a sentence. */
function isSubHeading(line: string): boolean {
  return /^(\d+(\.\d+)*[.)]|[a-zđ]\))\s/u.test(line) && line.length < 100 && !/[.;]$/.test(line);
}

export function readActivities(lines: string[], from: number, end: number): Activity[] {
  const activities: Activity[] = [];
  let group: string | null = null;
  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    if (isSubHeading(line)) {
      group = stripMarker(line).replace(/:$/, '');
      continue;
    }
    const text = stripMarker(line);
    if (!text) continue;
    const channels = channelsOf(text);
    activities.push({ text, group, channels, line: i + 1, confidence: channels.length ? SURE : LIKELY });
  }
  return activities;
}

const GENERIC_PLACE = /^(các|những|nơi|khu vực|địa điểm|tuyến)(?=\s|$)|phù hợp|công cộng|trên địa bàn/iu;

export interface BannerPlaces {
  /** Named places ("Trụ sở UBND phường"): each becomes a task with photo proof at that place. */
  named: Found<string>[];
  /** The plan also says "các khu vực phù hợp": the teams hang banners in their own khu phố. */
  elsewhere: boolean;
}

export function readBannerPlaces(activities: Activity[]): BannerPlaces {
  const named: Found<string>[] = [];
  let elsewhere = false;
  for (const activity of activities) {
    if (!activity.channels.includes('banner')) continue;
    const at = /(?:^|\s)tại\s+(.+)$/u.exec(activity.text);
    if (!at) {
      elsewhere = true;
      continue;
    }
    const places = at[1]!
      .replace(/[.;]+$/u, '')
      .split(/,\s*|\s+và\s+|;\s*/u)
      .map((place) => place.trim())
      .filter(Boolean);
    for (const place of places) {
      if (GENERIC_PLACE.test(place)) elsewhere = true;
      else named.push(found(capitalise(place), activity.line, SURE));
    }
  }
  return { named, elsewhere };
}
