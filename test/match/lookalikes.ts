// Pages that share the incident's words but are not about it, written for the engine tests.
// Each names what makes it a lookalike. Keep them realistic: real pages mix these signals.

/** A page that is not about the 2026-01-07 Minneapolis shooting. */
export interface Lookalike {
  id: string;
  why: string;
  text: string;
}

export const LOOKALIKES: Lookalike[] = [
  {
    id: 'dhs-chicago-vehicle',
    why: 'a DHS statement about another incident, with the same phrases and statistics',
    text: `DHS Statement on Attack on Federal Officers in Broadview, Illinois

CHICAGO – Today, ICE officers conducting targeted enforcement operations in Broadview were surrounded by rioters. One rioter weaponized his vehicle, attempting to run over our law enforcement officers in an attempt to kill them — an act of domestic terrorism.

An officer, fearing for his life, fired defensive shots. The suspect was taken to a hospital.

"Our officers are now facing a 1,300% increase in assaults and an 8,000% increase in death threats," said Assistant Secretary Tricia McLaughlin.`,
  },
  {
    id: 'minneapolis-january-24',
    why: 'a later shooting by federal agents in Minneapolis: another date, a man, other agents',
    text: `Border Patrol agents fatally shoot man in south Minneapolis

MINNEAPOLIS — Federal agents shot and killed a man in south Minneapolis on Saturday, January 24, the second fatal shooting by federal immigration agents in the city this month.

The Department of Homeland Security said the man, who was carrying a handgun, approached Border Patrol agents during an enforcement operation and was shot when he resisted. Witnesses disputed that account.

The shooting came less than three weeks after an ICE officer killed a woman in her vehicle near 34th Street and Portland Avenue on January 7. Mayor Jacob Frey again called on federal agents to leave Minneapolis.

Protesters gathered at the scene on Saturday night. Agents used pepper spray to disperse the crowd.`,
  },
  {
    id: 'los-angeles-federal-shooting',
    why: 'another shooting by an immigration agent, in another city and month',
    text: `Federal immigration agent shoots man during Los Angeles raid

LOS ANGELES — A federal immigration agent shot a man during a raid at a car wash in South Los Angeles on Tuesday, officials said. The Department of Homeland Security said the man drove his vehicle toward agents, and an agent fired defensive shots.

The man was hospitalized in stable condition. Protesters chanted "Shame!" at agents as they left the scene. California officials called for an investigation.`,
  },
  {
    id: 'portland-oregon-ice-protest',
    why: 'ICE protests in Portland, Oregon, not Portland Avenue',
    text: `Protesters clash with federal officers outside Portland ICE facility

PORTLAND, Ore. — Federal officers fired tear gas and pepper balls at protesters outside the U.S. Immigration and Customs Enforcement facility in South Portland on Wednesday night, the latest in months of demonstrations in the Oregon city.

The Department of Homeland Security said officers were assaulted and called the protesters rioters. Portland Mayor Keith Wilson said the city would review permits for the facility.`,
  },
  {
    id: 'minneapolis-snow-emergency',
    why: 'Minneapolis news that mentions Portland Avenue and Mayor Frey for a snow emergency',
    text: `Minneapolis declares snow emergency; parking bans start tonight

Minneapolis Mayor Jacob Frey declared a snow emergency on Wednesday after 9 inches of snowfall. Parking bans begin at 9 p.m. on snow emergency routes, including Portland Avenue and 34th Street.

Cars left on emergency routes will be ticketed and towed. Plows will clear residential streets on Thursday. Drivers should watch for black ice on bridges and ramps.`,
  },
  {
    id: 'frey-budget-address',
    why: 'Mayor Frey on the city budget, with police and federal money',
    text: `Frey proposes budget with more money for police, housing

Minneapolis Mayor Jacob Frey presented his proposed 2026 budget to the City Council on Wednesday, calling for a 5% property tax increase and new funding for affordable housing.

Frey said federal cuts had forced hard choices. "We stand with our residents," he said. Council members will vote on the budget in December after public hearings.`,
  },
  {
    id: 'portland-avenue-restaurant',
    why: 'a restaurant review on Portland Avenue in Minneapolis',
    text: `Review: A cozy new diner on Portland Avenue in south Minneapolis

The new diner at East 34th Street and Portland Avenue serves a brunch menu built around wild rice and local eggs. The chef, a Minneapolis native, says the shooting star of the menu is the hot dish.

On a Wednesday morning the place was packed with neighbors. The restaurant is open daily from 7 a.m.`,
  },
  {
    id: 'hockey-wild',
    why: 'ice in sports: shots, a Minnesota team, a goalie',
    text: `Wild beat Blackhawks in overtime at Xcel Energy Center

ST. PAUL, Minn. — Kirill Kaprizov fired a wrist shot past the goalie 2:14 into overtime, and the Minnesota Wild beat the Chicago Blackhawks 3-2 on Wednesday night.

The Wild outshot Chicago 38-25. "We just kept shooting," the coach said. The teams meet again on the ice in Chicago on Saturday. Fans filled the arena despite an ice storm warning.`,
  },
  {
    id: 'figure-skating',
    why: 'figure skating in the Twin Cities',
    text: `U.S. Figure Skating Championships come to the Twin Cities

Skaters from across the country will compete on the ice in St. Paul this week. The free skate on Saturday is sold out. A Minnesota skater, 17, landed a triple axel in practice on Wednesday and said she felt "ready to fire on all cylinders."`,
  },
  {
    id: 'ice-storm-minneapolis',
    why: 'an ice storm in Minneapolis: crashes, officers, a woman in an SUV',
    text: `Ice storm causes dozens of crashes across Minneapolis

An ice storm coated Minneapolis roads with black ice on Wednesday, and police responded to dozens of crashes. A woman driving an SUV was hurt when her vehicle slid into a light pole on Portland Avenue.

State troopers urged drivers to stay home. Freezing rain is expected to continue overnight, with a winter storm warning in effect until noon.`,
  },
  {
    id: 'minneapolis-police-shooting',
    why: 'a Minneapolis police shooting: a man, local police, another date',
    text: `Minneapolis police officer shoots armed man in north Minneapolis

A Minneapolis police officer shot and wounded a man who pointed a gun at officers in north Minneapolis on Sunday, December 14, police said. The man was taken to Hennepin County Medical Center.

The Bureau of Criminal Apprehension, a state agency, is investigating. Body camera footage will be released, the police chief said.`,
  },
  {
    id: 'minnesota-immigration-court',
    why: 'immigration enforcement in Minnesota without any shooting',
    text: `Immigration court backlog grows in Minnesota as ICE arrests rise

ICE arrests in Minnesota have doubled since the federal operation began, according to court records. Immigration attorneys in Minneapolis say detainees wait months for hearings.

The Department of Homeland Security said it is prioritizing people with criminal records. Advocates say many of those detained have no record.`,
  },
  {
    id: 'fbi-terrorism-case',
    why: 'a domestic terrorism case in Minnesota, not an ICE shooting',
    text: `Minnesota man charged in domestic terrorism plot, FBI says

MINNEAPOLIS — Federal prosecutors charged a Minnesota man with plotting an act of domestic terrorism against a power station, the FBI said Tuesday. Agents arrested him without incident at his home in Bloomington.

No shots were fired. The man is being held pending a detention hearing.`,
  },
  {
    id: 'minneapolis-december-shooting',
    why: 'an earlier ICE shooting in Minneapolis: another month, a man, his car',
    text: `ICE officer shoots man during arrest in Minneapolis

MINNEAPOLIS — An Immigration and Customs Enforcement officer shot a man in the leg during an arrest in north Minneapolis on Tuesday, December 9, federal officials said.

The Department of Homeland Security said the man rammed his car into an ICE vehicle and then tried to flee. He was treated at a hospital and taken into custody.

Immigrant advocates called for an independent investigation.`,
  },
  {
    id: 'dhs-chicago-mentions-minneapolis',
    why: 'a DHS release about Chicago that lists Minneapolis among other operations',
    text: `DHS: Officers shot at during Chicago enforcement operation

CHICAGO — Federal agents came under fire on Saturday during an immigration enforcement operation in Chicago's Little Village neighborhood, the Department of Homeland Security said. A man fired several shots at a Border Patrol vehicle; no agents were hurt.

The operation is part of a national surge that has also sent agents to Charlotte, New Orleans and Minneapolis. "Our officers face a 1,300% increase in assaults," DHS said.`,
  },
  {
    id: 'portland-oregon-mentions-minneapolis',
    why: 'a Portland, Oregon protest story that mentions protests spreading to Minneapolis',
    text: `Protests at Portland ICE building enter fourth month

PORTLAND, Ore. — Several hundred protesters gathered outside the ICE building in South Portland on Friday night. Federal officers fired pepper balls after protesters blocked a driveway, officials said.

Organizers said similar protests against immigration agents have spread to Chicago, Los Angeles and Minneapolis. Portland police made three arrests.`,
  },
  {
    id: 'hockey-free-agent',
    why: 'Minnesota hockey with "free agent", "shot" and "ice": passes the prefilter, not the core',
    text: `Wild sign free agent defenseman after loss in Minneapolis

The Minnesota Wild signed free agent defenseman Erik Larsson on Wednesday, a day after a 4-1 loss in which the team managed only 19 shots on goal. Larsson, 27, blocked 112 shots last season.

"He moves the puck well and he is hard to beat on the ice," the general manager said. The Wild host Dallas on Saturday.`,
  },
];
