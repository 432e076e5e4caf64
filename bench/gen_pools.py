"""Name pools and sentence templates for :mod:`gen_store` (pure data).

Slots in templates: {s1} {s2} (states), {o1} (an organisation), {p1} {p2}
(people, full names), {p1s} {p2s} (their surnames), {city}, {topic}, {day},
{num}.  The people are invented (surnames are built from syllables); states
and organisations are real so the gazetteer and ``kind:`` filters see them.
"""

STATES = (
    "Russia", "Ukraine", "United States", "China", "Japan", "South Korea", "North Korea", "India", "Pakistan",
    "Iran", "Israel", "Lebanon", "Syria", "Turkey", "Egypt", "Saudi Arabia", "Qatar", "United Arab Emirates",
    "Iraq", "Jordan", "Germany", "France", "United Kingdom", "Italy", "Spain", "Poland", "Hungary", "Romania",
    "Moldova", "Georgia", "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Greece", "Sweden", "Finland", "Norway",
    "Denmark", "Estonia", "Latvia", "Lithuania", "Belarus", "Kazakhstan", "Afghanistan", "Taiwan", "Philippines",
    "Vietnam", "Indonesia", "Australia", "Canada", "Mexico", "Brazil", "Venezuela", "Colombia", "Mali", "Niger",
    "Sudan", "Ethiopia", "Nigeria",
)

ORGS = (
    "NATO", "European Union", "United Nations", "UN Security Council", "IAEA", "African Union", "ASEAN",
    "OPEC", "World Bank", "International Monetary Fund", "G7", "OSCE", "World Health Organization",
    "World Trade Organization", "European Commission", "Council of Europe", "Arab League", "ECOWAS",
    "International Criminal Court", "International Court of Justice", "UNHCR", "World Food Programme",
    "UNICEF", "OPCW", "European Central Bank", "Frontex", "Europol", "Interpol", "Organization of American States",
    "Gulf Cooperation Council", "Shanghai Cooperation Organisation", "BRICS", "Pacific Islands Forum", "Mercosur",
    "Financial Action Task Force", "Red Cross", "Amnesty International", "Human Rights Watch", "Hamas", "Hezbollah",
)

FIRST_NAMES = (
    "Anna", "Mark", "Elena", "Tomas", "Sofia", "Daniel", "Mariam", "Oleksandr", "Ingrid", "Rafael", "Leila",
    "Kenji", "Amara", "Pieter", "Nadia", "Jonas", "Yuki", "Farid", "Clara", "Mateus", "Irena", "Samuel",
    "Hana", "Viktor", "Lucia", "Arjun", "Greta", "Omar", "Marta", "Henrik", "Aisha", "Pavel", "Chloe",
    "Dmitri", "Eva", "Rashid", "Julia", "Lars", "Noor", "Andrei", "Beatriz", "Tariq", "Katarina", "Emil",
    "Zara", "Stefan", "Ines", "Kwame", "Olga", "Hugo", "Mei", "Ravi", "Alma", "Jakob", "Selin", "Bruno",
    "Freya", "Ilya", "Rosa", "Anton",
)

SURNAME_HEADS = ("Var", "Hal", "Kest", "Mor", "Dran", "Tel", "Brav", "Lind", "Ost", "Quar",
                 "Sel", "Vor", "Ambr", "Pell", "Grun", "Ced", "Fal", "Ruv", "Zan", "Mel")
SURNAME_TAILS = ("enko", "strom", "ovic", "ard", "ell", "anu", "ski", "oni", "eira", "ash",
                 "berg", "ides", "ani", "oux", "essen")

TITLES = ("Foreign Minister", "Defence Minister", "President", "Prime Minister", "National Security Adviser",
          "ambassador to the United Nations", "Finance Minister", "chief negotiator", "deputy foreign minister",
          "Interior Minister", "army chief of staff", "Energy Minister", "opposition leader", "trade envoy")

DESCRIPTIONS = ("a senior EU diplomat", "a Western official", "a person familiar with the talks",
                "a senior administration official", "a military analyst", "an aide to the president",
                "a spokesperson for the ministry", "two officials briefed on the plan")

CITIES = ("Brussels", "Geneva", "Vienna", "Istanbul", "Doha", "New York", "Warsaw", "Helsinki", "Riyadh",
          "Nairobi", "Singapore", "Oslo", "Ankara", "Cairo", "Berlin", "Paris", "Tokyo", "Baku", "Kyiv", "Rome")

TOPICS = ("grain exports", "air defence", "energy sanctions", "border security", "maritime patrols",
          "nuclear inspections", "frozen assets", "arms deliveries", "ceasefire monitoring", "refugee returns",
          "drone attacks", "shipping insurance", "gas transit", "prisoner exchanges", "troop deployments")

SOURCES = ("Meridian Wire", "Harbor Post", "Continental Ledger", "Northgate Times", "Eastbridge Report",
           "Atlas Dispatch", "Signal Daily", "Compass News")

TITLE_TEMPLATES = (
    "{s1} and {s2} edge towards talks on {topic}",
    "{o1} weighs its options as tension over {topic} grows",
    "{p1} presses {s2} on {topic} ahead of {city} meeting",
    "Allies split over {topic} as {s1} hardens its stance",
    "{s2} rejects {s1} proposal on {topic}",
    "Talks in {city} stall over {topic}",
    "{o1} members look for a common line on {s2}",
    "What {s1}'s new approach to {topic} means for {s2}",
    "{p1} and {p2} clash over {topic}",
    "Pressure mounts on {s2} after {day}'s talks in {city}",
)

FILLER = (
    "Talks between {s1} and {s2} resumed in {city} on {day} after a pause of {num} weeks, according to diplomats familiar with the schedule.",
    "The dispute over {topic} has become the main obstacle to any broader settlement, officials on both sides acknowledge.",
    "Officials in {s1} have said for months that they are open to a deal, but only on terms that {s2} has so far refused.",
    "Analysts say the latest move is meant as much for a domestic audience as for negotiators across the table.",
    "The {o1} has repeatedly called for restraint and warned that a miscalculation could draw in neighbouring states.",
    "A round of meetings is planned in {city} next month, although no date has been fixed and the agenda remains vague.",
    "{p1} arrived in {city} on {day} for what aides described as a working visit focused on {topic}.",
    "Markets reacted calmly to the news, with traders saying the risk of a sudden escalation was already priced in.",
    "Diplomats cautioned that the outline agreement could still unravel if either side returned to its earlier demands.",
    "The government in {s2} has not commented publicly, but state media gave the story prominent coverage on {day}.",
    "Satellite images reviewed by independent researchers show new construction near the border over the past {num} days.",
    "{p2} is expected to brief lawmakers on the state of the negotiations before the end of the week.",
    "The issue of {topic} has divided the {o1} for more than a year, with members unable to agree on a common position.",
    "Several smaller states have asked to be included in the talks, arguing that they bear the cost of any failure.",
    "Humanitarian groups say civilians in the affected regions have borne the brunt of the stand-off so far.",
    "The northern provinces have seen the heaviest fighting, and aid convoys have struggled to reach them since spring.",
    "Officials stressed that no decision had been taken and that all options remained under review in {city}.",
    "The previous round of talks ended without a joint statement, and each side blamed the other for the impasse.",
    "A senior delegation from {s1} is due to travel to {city} for consultations with partners on {topic}.",
    "Critics at home have accused the government of moving too slowly and of underestimating the risks involved.",
    "Trade between {s1} and {s2} has fallen by about {num} percent since the dispute began, according to customs data.",
    "The defence ministry in {s2} said air defence units had been placed on heightened alert as a precaution.",
    "{p1s}'s office declined to comment on reports that a draft text had already been circulated among allies.",
    "The plan would need the approval of parliament, where the governing coalition holds a narrow majority.",
    "Observers from the {o1} are expected to publish their assessment of the situation within {num} days.",
    "People close to the negotiations said progress had been made on technical questions but not on the core issues.",
    "The escalation has raised fears of a wider regional conflict, particularly among states bordering {s2}.",
    "Energy prices in the region rose sharply after the announcement before easing later in the day.",
    "The foreign ministry summoned the ambassador of {s2} on {day} to protest what it called a provocation.",
    "Both governments insist that the channel of communication remains open despite the harsh public rhetoric.",
    "Since the start of the year there have been at least {num} incidents along the disputed line, monitors say.",
    "{p2s} has built a reputation as a pragmatic negotiator, though allies say the room for compromise is small.",
    "A spokesperson for the {o1} said the organisation was following developments closely and stood ready to help.",
    "Investors and insurers are watching for signs that shipping routes through the area could be disrupted again.",
    "The leaders spoke by telephone on {day}, their first direct contact in {num} weeks, according to a readout.",
    "Independent experts say the numbers released by officials in {s1} cannot be verified and may be inflated.",
    "The European capitals have so far avoided a public split, but disagreements over {topic} are growing.",
    "Lawmakers in {s1} are pushing for a tougher response and have drafted a bill that would limit the executive's options.",
    "A ceasefire agreed earlier in the year has largely held, although both sides accuse each other of violations.",
    "Officials said the sanctions relief on the table would be limited and could be reversed if commitments were broken.",
    "The region's economy has been hit hard, with unemployment rising and investment drying up since the crisis began.",
    "The outcome of the vote in {city} is likely to shape the next phase of the negotiations over {topic}.",
    "Military planners have drawn up several scenarios, none of which officials describe as likely in the short term.",
    "Residents near the border described hearing explosions late on {day}, though the cause could not be confirmed.",
    "The two delegations met for nearly {num} hours, a length that diplomats read as a sign of serious engagement.",
    "Public opinion in {s2} remains sharply divided, with recent polls showing no clear majority for any course.",
    "The announcement came hours before {p1} was due to meet counterparts from the {o1} in {city}.",
    "Some officials privately concede that the long-range strikes debate has little to do with the situation on the ground.",
    "Previous attempts at mediation by neutral states collapsed over the sequencing of steps each side would take.",
    "There was no immediate reaction from {s1}, where officials were observing a public holiday on {day}.",
    "The crisis has exposed gaps in the alliance's stockpiles, which have been run down by years of deliveries.",
    "Aid agencies warned that a further {num} thousand people could be displaced if the fighting spreads.",
)

DIRECT = (
    "we will not accept any change to the borders of {s2} by force",
    "the door to dialogue remains open, but it will not stay open forever",
    "this is a significant escalation and it requires a united response",
    "nobody wants a wider war, least of all the people of {s2}",
    "we have options, and it depends on what they do next",
    "the {o1} must show that its commitments mean something",
    "there can be no deal on {topic} without guarantees",
    "we are ready to talk in {city} tomorrow if the other side is serious",
    "time is running out for a negotiated solution",
    "the sanctions will stay in place until the troops are withdrawn",
    "our patience is not unlimited and our partners know that",
    "this is not the moment for half measures on {topic}",
    "we expect our allies to stand with us, as we have stood with them",
    "every day of delay costs lives in the north of the country",
    "we see no sign that {s2} is willing to compromise",
    "the talks in {city} were difficult but useful",
    "air defence is the most urgent need, and it is needed now",
    "we will respond in a way and at a time of our choosing",
    "the agreement is fragile, but it is the best we have",
    "the international community cannot look away",
)

REPORTED = (
    "{s1} was prepared to resume talks if the shelling stopped",
    "the government would review its policy on {topic} within weeks",
    "no decision had been taken on further arms deliveries",
    "the {o1} would send observers to the border region",
    "{s2} had violated the terms of the earlier agreement",
    "the proposal on {topic} did not go far enough",
    "new measures against {s2} were being prepared in {city}",
    "the talks had made more progress than publicly acknowledged",
    "allies were unlikely to take any major decision before the summit",
    "the government in {s1} had no intention of backing down",
    "a compromise on {topic} was still within reach",
    "the risk of escalation had been overstated by critics",
    "the ministry would not comment on intelligence matters",
    "further deployments to the region could follow",
)

DIRECT_CUES = ("said", "told reporters", "warned", "added", "wrote on social media", "said in a statement")
REPORTED_CUES = ("said", "told reporters", "argued", "warned", "indicated", "told lawmakers")

OPTIONS = (
    "impose new sanctions on {s2}'s energy sector",
    "lift restrictions on long-range strikes",
    "send additional air defence systems to {s2}",
    "deploy a maritime mission to protect shipping",
    "freeze the assets of {s2}'s central bank",
    "reopen the border crossings with {s2}",
    "expel diplomats from {s2}",
    "suspend talks on {topic}",
    "offer sanctions relief in exchange for inspections",
    "station more troops on the eastern flank",
    "refer the case to the International Court of Justice",
    "launch a joint investigation into the attacks",
    "cap the price of oil exports from {s2}",
    "fund a reconstruction package for the border region",
    "hold a referendum on the agreement",
    "create a demilitarised zone along the line of contact",
    "extend the ceasefire by {num} days",
    "ban imports of liquefied natural gas from {s2}",
    "convene an emergency session of the {o1}",
    "provide security guarantees to {s2}",
    "resume grain exports through the corridor",
    "recall the ambassador from {s2}",
)

STATUSES = ("proposed", "under discussion", "adopted", "rejected", "in place")

EVIDENCE = {
    "proposed": ("{holder} proposed to {option}.", "{holder} has put forward a plan to {option}."),
    "under discussion": ("{holder} is weighing whether to {option}.",
                         "Another option under discussion would be to {option}, officials close to {holder} said."),
    "adopted": ("{holder} agreed this week to {option}.", "{holder} decided to {option}."),
    "rejected": ("{holder} ruled out a plan to {option}.", "{holder} rejected calls to {option}."),
    "in place": ("{holder} has already moved to {option}, a measure now in force.",
                 "A decision by {holder} to {option} remains in place."),
}
