// News-like sentences about other topics, for the benchmark's unrelated pages and the filler
// around incident passages, grouped by topic so a page can keep to a few topics as real pages do.
// Templates with slots keep a 1 MB page from repeating itself too often; the pool deliberately
// carries lookalike words (ice hockey, ice storms, Portland, the ICE futures exchange, Minneapolis
// civic news, shots and officers in other stories).

import type { Rng } from './prng';

const SLOTS: Readonly<Record<string, readonly string[]>> = {
  city: [
    'Denver',
    'Boise',
    'Tulsa',
    'Omaha',
    'Raleigh',
    'Spokane',
    'Duluth',
    'Madison',
    'Fresno',
    'Akron',
    'Portland',
  ],
  team: ['Wild', 'Blackhawks', 'Avalanche', 'Jets', 'Kraken', 'Predators', 'Blues', 'Stars'],
  name: [
    'Maria Lopez',
    'Daniel Okafor',
    'Priya Shah',
    'Tom Lindqvist',
    'Grace Kim',
    'Ahmed Farah',
    'Ellen Brooks',
  ],
  day: ['Monday', 'Tuesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  month: ['March', 'April', 'June', 'August', 'September', 'November'],
  company: [
    'a regional grocer',
    'the chipmaker',
    'a Minnesota medical device maker',
    'the airline',
    'a solar startup',
  ],
};

/** Sentence templates by topic; a page usually draws on a few topics, as a real page would. */
export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  // Sports, with ice and shots.
  sports: [
    'The {team} scored twice on the power play and beat the visitors {won}-{lost} on {day} night.',
    'Their goaltender stopped {big2} shots, including a point-blank chance in the final minute of overtime.',
    'The ice at the arena was soft after a concert the night before, and both coaches complained about the bounces.',
    'A rookie defenseman who spent two seasons with the Portland Winterhawks played {n} minutes in his debut.',
    'Fans chanted the captain’s name as he circled the ice with the trophy.',
    'The point guard made {n} three-pointers and finished with {big2} points in a blowout win.',
    'The Timberwolves rallied from {big2} points down in the fourth quarter at Target Center.',
    'The quarterback threw for {big3} yards and two touchdowns, and the defense forced three turnovers.',
    'The curling club in {city} opened its new sheets of ice to the public on {day}.',
    'The figure skater landed a clean triple axel and took the lead after the short program.',
  ],
  // Weather, with ice and Portland.
  weather: [
    'Freezing rain is expected to leave a glaze of ice on untreated roads by {day} morning.',
    'The National Weather Service issued a winter storm warning for {city} and the surrounding counties.',
    'Forecasters expect {n} to {m} inches of snow, with wind chills as low as {n} below zero.',
    'In Portland, Maine, crews worked through the night to restore power after ice brought down lines.',
    'Black ice caused several crashes on the interstate, and the State Patrol urged drivers to slow down.',
    'A warm front will bring rain on {day}, followed by a sharp drop in temperatures.',
    'Lake ice is still too thin in many places, and the sheriff asked anglers to stay off the channels.',
  ],
  // Business and markets, with the ICE exchange.
  business: [
    'Brent crude futures on ICE rose {pct}% as traders weighed new supply cuts.',
    'Shares of {company} rose {pct}% after it reported quarterly revenue above analysts’ estimates.',
    'The central bank held interest rates steady and signaled one more cut before {month}.',
    'Mortgage rates fell to their lowest level in {big2} months, according to a weekly survey.',
    '{company} said it would hire {big3} workers at a new plant outside {city}.',
    'Retail sales rose {pct}% last month, led by online purchases and restaurant spending.',
    'Cocoa futures on the ICE exchange in New York hit a record as West African harvests lagged.',
    'The company announced a ${big2} billion stock buyback and raised its full-year forecast.',
  ],
  // Science and health.
  science: [
    'Astronomers detected water vapor in the atmosphere of a rocky planet about {big2} light-years away.',
    'Researchers found that adults who walked {big3} steps a day had lower blood pressure.',
    'The state health department reported {big3} new flu cases last week, up from the week before.',
    'A new study of Antarctic ice cores suggests the climate shifted faster than scientists thought.',
    'The hospital opened a new wing with {big2} beds for children and their families.',
    'Engineers tested a battery that charges to {pct}% in under ten minutes.',
  ],
  // Local civic news, including Minneapolis and Portland.
  civic: [
    'The city council in {city} approved a plan to add protected bike lanes on two downtown streets.',
    'Minneapolis officials said the new library branch would open in {month} after months of delays.',
    'The Minneapolis Park Board voted to extend hours at three neighborhood pools this summer.',
    'Portland’s city council voted to expand a program that pays for home repairs for older residents.',
    'Residents packed a hearing on a proposed apartment building near the light rail station.',
    'The school board adopted a budget of ${big3} million and agreed to hire {big2} more teachers.',
    'Crews will close two lanes of Park Avenue for sewer work starting {day}.',
    'The mayor of {city} proposed raising the property tax levy by {pct}% to pay for road repairs.',
    'Voters will decide in {month} whether to renew a sales tax that pays for parks and trails.',
  ],
  // Crime and courts elsewhere, with officers and shots but no incident.
  crime: [
    'Police in {city} said two people were hurt when shots were fired outside a bar early {day}.',
    'A jury in {city} convicted a man of fraud for stealing more than ${big2} million from investors.',
    'Officers responded to a report of a stolen truck and arrested the driver after a short chase.',
    'The county attorney declined to file charges after reviewing footage of the traffic stop.',
    'A judge sentenced the former treasurer to {n} years in prison for embezzlement.',
  ],
  // Arts, food, travel, education.
  culture: [
    'The orchestra opens its season with a program of Sibelius and a new work by a local composer.',
    'The museum’s new exhibit brings together {big2} quilts made by women in rural Minnesota.',
    'The restaurant’s wild rice soup has been on the menu since it opened in {big4}.',
    'A new nonstop flight will connect {city} with Reykjavik starting in {month}.',
    'The university said enrollment rose {pct}%, driven by a jump in transfer students.',
    'The film festival will screen {big2} features and a program of student shorts.',
    'Volunteers planted {big3} trees along the river in a single weekend.',
    'The bakery sells out of cardamom buns by nine most Saturday mornings.',
    'A new bookstore in {city} hosts readings by local authors every {day} evening.',
  ],
  // Technology and politics elsewhere.
  politics: [
    'The phone maker said its next model would ship with a larger battery and a faster chip.',
    'The state legislature passed a bill to cap the price of insulin at ${big2} a month.',
    'The governor of {city}’s state signed an executive order on wildfire preparedness.',
    'The Senate confirmed a new ambassador after a vote of {big2} to {big2}.',
    'A software update fixed a bug that drained batteries on older laptops.',
    'The election board certified the results after a recount changed {n} votes.',
    'Lawmakers in {city} debated a proposal to limit short-term rentals in residential neighborhoods.',
    '{name} was named the new director of the county library system on {day}.',
    '{name}, a retired teacher, has knitted more than {big3} hats for newborns at the hospital.',
  ],
};

const ALL_TEMPLATES: readonly string[] = Object.values(TOPICS).flat();

function fill(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'n':
      case 'm':
        return String(rng.int(1, 9));
      case 'won':
        return String(rng.int(4, 7));
      case 'lost':
        return String(rng.int(0, 3));
      case 'big2':
        return String(rng.int(11, 99));
      case 'big3':
        return String(rng.int(100, 999));
      case 'big4':
        return String(rng.int(1950, 2019));
      case 'pct':
        return String(rng.int(2, 40));
      default: {
        const values = SLOTS[slot];
        if (!values) throw new Error(`filler template slot {${slot}} has no values`);
        return rng.pick(values);
      }
    }
  });
}

/** The templates of the named topics, or of every topic when none are named. */
function templatesOf(topics?: readonly string[]): readonly string[] {
  if (!topics || topics.length === 0) return ALL_TEMPLATES;
  return topics.flatMap((topic) => {
    const templates = TOPICS[topic];
    if (!templates)
      throw new RangeError(`unknown filler topic "${topic}" (known: ${Object.keys(TOPICS).join(', ')})`);
    return templates;
  });
}

/** A paragraph of 2 to 5 unrelated news sentences, from the given topics (default: all). */
export function fillerParagraph(rng: Rng, topics?: readonly string[]): string {
  const templates = templatesOf(topics);
  const count = rng.int(2, 5);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(fill(rng.pick(templates), rng));
  return sentences.join(' ');
}

/**
 * An unrelated page of at least `chars` characters on the given topics (default: all): paragraphs
 * joined by blank lines, with their block offsets.
 */
export function unrelatedPage(
  rng: Rng,
  chars: number,
  topics?: readonly string[],
): { text: string; blocks: number[] } {
  templatesOf(topics); // fail early on an unknown topic
  const parts: string[] = [];
  const blocks: number[] = [];
  let length = 0;
  while (length < chars) {
    const paragraph = fillerParagraph(rng, topics);
    if (parts.length > 0) length += 2;
    blocks.push(length);
    parts.push(paragraph);
    length += paragraph.length;
  }
  return { text: parts.join('\n\n'), blocks };
}
