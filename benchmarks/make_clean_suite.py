"""Regenerate the clean suite ``benchmarks/suites/clean/`` (negatives: damaged == clean).

Wide clean English for the precision audit (``benchmarks/clean_audit.py``) and for
``tests/test_clean_suite.py``: news (seeds 001-004, Lee corpus), encyclopedic and
science prose (Wikipedia paragraphs of gensim's test dump), public-domain classics, and
hand-written texts aimed at known false-positive risks.  Deterministic: rerunning it
reproduces every file byte for byte.

Usage (benchmark-time dependency: ``pip install -e '.[bench]'`` for gensim)::

    python benchmarks/make_clean_suite.py
"""

# ruff: noqa: E501  (long lines are text data)
from __future__ import annotations

import argparse
import bz2
import importlib.util
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "suites" / "clean"

# --------------------------------------------------------------------------- texts
# ``HAND`` texts were written for this project (same licence as the project).  Each one
# aims at a known false-positive risk of a stage: phrases a spinner produces but that are
# honest here ("mentioned", "12 months", "earlier than"), correct technical phrases that
# tortured-phrase lists map *to* ("deep learning", "big data"), real words that look like
# OCR confusions ("modern", "burn", "clad"), typography that a careless detector takes
# for mojibake (curly quotes, accents, currency, degree signs), and layouts (headlines,
# lists, numbers, hard-wrapped lines with real compounds).  ``CLASSICS`` are public-domain
# texts (pre-1927 publications, US founding documents), typed from their standard texts.
HAND: dict[str, str] = {}
CLASSICS: dict[str, str] = {}

HAND["headlines"] = """\
Markets Rally as Fed Holds Rates Steady for Third Straight Meeting
Storm Leaves 40,000 Without Power Across Northern California
Ten Years On, the Town That Rebuilt Itself After the Flood
Exclusive: Inside the Talks That Saved the Steel Plant
Why Your Grocery Bill Rose 12% This Year — and What Comes Next
Court Rejects Bid to Delay Election Results in Three Counties
Opinion: The Case for Four-Day School Weeks
Live Updates: World Cup Quarter-Finals, Day 2
Review: A Modern Staging of “Hamlet” That Actually Works
Scientists Map 1.2 Million Stars in the Milky Way’s Core
UK Inflation Falls to 2.3%, Lowest Since 2021
Apple Unveils iPhone 17 With Bigger Battery, No Price Rise
Q&A: What the New Visa Rules Mean for Students
Obituary: Margaret O’Neill, 91, Pioneer of Cornea Transplants
Wildfire Near Athens Forces Evacuation of 12 Villages
How a Tiny Startup Beat Google at Its Own Game
Watch: Rare Snow Leopard Filmed in the Himalayas
Rugby: All Blacks Edge Springboks 24-22 in Thriller
Mayor Says Subway Fares Will Not Rise Before 2027
NASA’s Artemis II Crew Completes Final Dress Rehearsal
"""

HAND["lists_numbers"] = """\
Meeting agenda — Thursday, 14 March 2024, 9:30–11:00 a.m., Room 4B

1. Welcome and apologies (5 min)
2. Minutes of the meeting of 29 February: approval
3. Budget update: Q4 spend was $1.24m against a forecast of $1.31m (−5.3%)
4. Hiring: 3 engineers, 1 designer; start dates on or after 1 May
5. Any other business

Action items:
- Priya to circulate the revised timeline by Friday.
- Tom and Ana to review vendor quotes (A: $48,500; B: $52,000; C: €45,900).
- Everyone: complete the security training at https://training.example.com before 31/03.

Contact: ops-team@example.org, +1 (555) 010-2299, ext. 42.
Version 2.4.1 of the app ships on 2024-04-02; build #1187 fixed 17 bugs.

Temperatures: high of 21°C (70°F), low of 9°C; chance of rain 40%.
Ingredients: 2 cups flour, ½ tsp salt, 3 eggs, 250 ml milk, 1 tbsp butter.
Scores: Arsenal 2–1 Chelsea; Liverpool 0–0 Everton; Leeds 3–2 Burnley.
Population (2020 census): 8,804,190. Area: 783.8 km² (302.6 sq mi).
Flight BA 117 departs London Heathrow at 08:25 and lands in New York JFK at 11:10.
"""

HAND["science_ml"] = """\
Deep learning has transformed computer vision and natural language processing over the \
past decade. In this paper we propose a convolutional neural network for the \
classification of satellite images, trained with stochastic gradient descent on a large \
data set. Our experiments show that the model outperforms a support vector machine and a \
random forest baseline, reducing the mean squared error by 18%.

Big data and cloud computing have made it possible to train such models at scale, but the \
signal-to-noise ratio of crowd-sourced labels remains a concern. We therefore combine \
active learning with a simple data augmentation scheme. Principal component analysis of \
the learned features reveals that the first two components explain 61% of the variance.

Machine learning is increasingly used in medicine. We trained a recurrent neural network \
on electronic health records from 12,000 patients to predict the risk of sepsis within \
48 hours of admission. The area under the receiver operating characteristic curve was \
0.87 (95% confidence interval 0.85–0.89). Reinforcement learning and transfer learning \
were explored but did not improve performance.

Artificial intelligence systems for speech recognition depend on acoustic models and \
language models. A trigram language model estimated by maximum likelihood assigns zero \
probability to unseen events, so smoothing is required. We compare Kneser–Ney smoothing \
with a neural language model and report perplexity on held-out data.

The internet of things generates streams of sensor data that must be processed in real \
time. We describe a fault detection method based on a Kalman filter and evaluate it on a \
wireless sensor network of 64 nodes. The false alarm rate fell from 7.1% to 2.4%, while \
the detection delay stayed below 200 milliseconds. Future work will address energy \
consumption and the security of the communication protocol.

Random variables, probability distributions and hypothesis tests are the basic tools of \
statistics. A p-value below 0.05 is often taken as evidence against the null hypothesis, \
although this convention has been widely criticised. Linear regression, logistic \
regression and analysis of variance remain the most common methods in applied research.
"""

HAND["honest_spinner_words"] = """\
The minister mentioned the budget only once during the 12 months she spent in office, \
and the opposition said that was no accident. Earlier than expected, the figures arrived \
on Tuesday: unemployment had fallen for the third month in a row.

More and more families are moving out of the city, according to the report. Whether or \
not the trend continues will depend on interest rates, the bank's chief economist said. \
"One thing is clear," she added. "People are really worried about housing."

Information about the new rules is available at every post office. However, officials \
conceded that the leaflets were printed before the final vote, and some details have \
since changed. Amongst the changes is a longer notice period for tenants.

The Chinese language has more native speakers than any other, and the General Assembly \
of the United Nations uses it as one of six official languages. At the end of the \
session, the assembly passed the resolution by 141 votes to five.

He always arrives early. She is known as the best cook in the village, and her bread is \
called the finest in the county. The meeting took place in the town hall, and it was \
all the time a friendly affair. I think the plan is sound, and I feel sure it will work.
"""

HAND["ocr_lookalikes"] = """\
The modern barn stood at the corner of the farm, where the corn grew tall and the stern \
old farmer would burn the stubble each autumn. He warned his children to learn the names \
of the ferns and the hornets' nests along the stream, and to return before dark.

She was clad in a plain coat, and her brother, clean-shaven and dressed in black, held a \
clam shell he had found on the beach. They closed the cabin door, turned the lamp down \
and listened to the rain on the tin roof.

The modem in the study was older than the children. Its lights blinked when the line \
connected, and the whole house could hear it hiss and whine. In the morning the milk \
came in glass bottles, and the baker's van arrived at half past seven.

Any one of the three candidates could win, but anyone who claims to know which one is \
guessing. Maybe the polls are wrong; it may be that voters have not yet decided. Every \
day brings a new twist, and the everyday business of government has ground to a halt.

Tbilisi, Bern, Kearney and Ulm are all on her itinerary, along with a night in Arnhem. \
The firm's CEO, Dr. Li Wen, holds a Ph.D. in chemistry from MIT; her co-founder, \
Mr. O'Rourke, studied at Trinity College Dublin. Rd. and St. are common abbreviations \
in addresses, e.g. 12 Elm St. or 4 Mill Rd., and i.e. means "that is".

H2O, CO2 and NaCl are familiar formulas. The F-35 and the Boeing 787 both use composite \
materials. COVID-19 vaccines were approved in December 2020. Chapter IV describes the \
events of 1848, and Appendix B lists the sources in full.
"""

HAND["hard_wrapped"] = """\
The committee met in the old council chamber, a long,
low room with oak panelling and a well-worn carpet. The
chairman, a soft-spoken retired teacher, opened the
meeting at seven o'clock sharp and asked for a show of
hands on the first motion, which concerned the twice-
weekly market and the re-routing of the number 12 bus.

Most of the members had read the report in advance.
Several had brought long-standing grievances about
parking, and one, a self-employed electrician, wanted
to know why the well-known bakery on the high street
had been refused a licence for outdoor tables. The
clerk explained that the decision was under review
and that a revised application would be considered
at the next meeting, in June.
"""

HAND["dialogue"] = """\
“Are you coming or not?” Maggie called from the hallway.

“In a minute,” said Tom. “I can’t find my keys.”

“They’re on the hook, where they always are.” She sighed. “Honestly, Tom, it’s the same every morning.”

He grinned and took them down. “What would I do without you?”

“Be late,” she said. “Now come on — the bus won’t wait.”

Outside, the street was wet and the sky the colour of dishwater. Mr. Patel was already at the stop, reading a paperback with its cover folded back. “Morning,” he said, without looking up. “You two are cutting it fine.”

"Don't start," Tom said. "I've had enough lectures for one day, and it isn't even eight."

"I'm only saying." Mr. Patel turned a page. "Y'all'd be in trouble if the driver were on time for once."

"Well, he isn't," said Maggie, "so we're fine... aren't we?"

The bus came round the corner at 7:52, three minutes late, and they climbed aboard.
"""

HAND["typography"] = """\
José Saramago won the Nobel Prize in 1998; Zoë Wanamaker and Björk were in the audience \
when the Crème Brûlée Café in São Paulo opened its doors. The naïve façade hid a \
sophisticated kitchen — or so the critics said…

Prices: £4.50 for a coffee, €3.80 in Paris, ¥450 in Tokyo and ₹120 in Mumbai. The \
thermometer read −3 °C at dawn and 12 °C by noon; the error was ±0.5 degrees. The room \
measured 4 m × 5 m, about 20 m².

The brand names Coca‑Cola™ and Lego® are registered trademarks; © 2024 Example Press. \
Section § 4(b) applies. The Łódź and Kraków offices report to Zürich, and the Dvořák \
concert in Brno sold out. He wrote “résumé” with both accents and ‘naive’ without any.

Fractions such as ¼, ½ and ¾ appear in old recipes, as do words like “coöperate” in The \
New Yorker. Smart quotes — “like these” — and straight quotes — "like these" — both \
appear in ordinary text, as do en dashes (pages 10–12) and em dashes (wait—what?).
"""

HAND["short_texts"] = """\
OK, see you at 5pm.

Thanks! That was really helpful.

Closed for renovation until further notice.

Happy birthday, Grandma ❤️

Breaking: Parliament votes 312–290 to approve the bill.

Lost: grey cat, answers to "Smokey". Reward. Call 07700 900123.

No parking. Tow-away zone.

Meeting moved to Room 12, 2:30 p.m.

I'm running late — start without me.

The quick brown fox jumps over the lazy dog.
"""

HAND["press_release"] = """\
FOR IMMEDIATE RELEASE

Riverside Council announces £2.5 million investment in community libraries

RIVERSIDE, 3 September 2024 — Riverside Council today announced a £2.5 million \
programme to modernise its 14 community libraries over the next three years. The \
investment will fund longer opening hours, new computers and free Wi-Fi at every branch, \
and the refurbishment of the Central Library's children's section.

Councillor Amina Hassan, cabinet member for culture, said: "Libraries are far more than \
buildings full of books. They are places where people learn, meet and get help. This \
investment means that every resident will have a modern library within a 15-minute walk \
of their home."

The first branches to be refurbished will be Northgate, Elm Park and St. Mary's, with \
work starting in January 2025. Each branch will remain open during the work wherever \
possible. A public consultation on the plans runs until 31 October.

Notes to editors:
1. Riverside has a population of about 310,000.
2. Library visits rose by 8% in 2023, to 1.9 million.
3. For more information, contact the press office on 020 7946 0321.

ENDS
"""

HAND["sports_report"] = """\
Late drama at the Riverside Stadium

Jamie Okafor scored twice in the final ten minutes as Riverside came from 2-0 down to \
beat Northgate 3-2 on Saturday, extending their unbeaten run to nine matches.

Northgate had looked comfortable after goals from Sam Reid (14th minute) and Luca Bianchi \
(51st), and Riverside's manager, Helen Doyle, admitted she had feared the worst. "At \
half-time I told them to keep going, keep believing," she said. "We didn't panic."

Kai Mensah pulled one back with a header from a corner in the 68th minute. Okafor then \
levelled from the penalty spot on 83 minutes after Bianchi handled, and struck the \
winner in stoppage time, curling a shot into the top corner from 20 yards.

The win lifts Riverside to third in the table, two points behind the leaders, with a game \
in hand. Northgate, who have now lost four of their last five, drop to 11th. Attendance: \
23,418.
"""

HAND["recipe"] = """\
Simple lentil soup (serves 4)

You will need:
- 1 tablespoon olive oil
- 1 onion, finely chopped
- 2 carrots, diced
- 2 cloves of garlic, crushed
- 1 teaspoon ground cumin
- 200 g red lentils, rinsed
- 1.2 litres vegetable stock
- juice of half a lemon
- salt and black pepper

Method:
1. Heat the oil in a large pan over a medium heat. Add the onion and carrots and cook for \
8–10 minutes, until soft.
2. Stir in the garlic and cumin and cook for a further minute.
3. Add the lentils and stock, bring to the boil, then simmer for 20 minutes, stirring now \
and then, until the lentils have broken down.
4. Blend until smooth (or leave it chunky, if you prefer). Stir in the lemon juice and \
season to taste.

Tip: the soup keeps for up to three days in the fridge and freezes well.
"""

HAND["formal_notice"] = """\
Public consultation on the draft Local Transport Plan

The Department will commence the consultation on 1 March. Individuals who wish to \
participate should obtain the relevant forms from their local office, and approximately \
2,000 responses are anticipated. Nonetheless, officials will endeavour to assist all \
applicants, and sufficient resources have been allocated to process submissions within \
the statutory period.

Information regarding eligibility is available on request. Applicants must indicate \
whether or not they require assistance, and the Department will subsequently notify \
them of the outcome. Responses received after the closing date will not be considered.
"""

HAND["academic_prose"] = """\
However, previous studies have largely overlooked the role of informal institutions. \
Amongst the few exceptions, Smith (2012) demonstrated that trust within communities \
shapes compliance with tax law. In this article, we examine whether or not such effects \
persist across nations with different legal traditions.

We utilise panel data covering 42 countries over a period of twelve months, and we \
demonstrate that the relationship is considerably stronger in nations with weak formal \
institutions. Nonetheless, the magnitude of the effect varies substantially, and further \
research is required before firm conclusions can be drawn.
"""

CLASSICS["gettysburg"] = """\
Four score and seven years ago our fathers brought forth on this continent, a new nation, \
conceived in Liberty, and dedicated to the proposition that all men are created equal.

Now we are engaged in a great civil war, testing whether that nation, or any nation so \
conceived and so dedicated, can long endure. We are met on a great battle-field of that \
war. We have come to dedicate a portion of that field, as a final resting place for those \
who here gave their lives that that nation might live. It is altogether fitting and \
proper that we should do this.

But, in a larger sense, we can not dedicate -- we can not consecrate -- we can not hallow \
-- this ground. The brave men, living and dead, who struggled here, have consecrated it, \
far above our poor power to add or detract. The world will little note, nor long \
remember what we say here, but it can never forget what they did here. It is for us the \
living, rather, to be dedicated here to the unfinished work which they who fought here \
have thus far so nobly advanced. It is rather for us to be here dedicated to the great \
task remaining before us -- that from these honored dead we take increased devotion to \
that cause for which they gave the last full measure of devotion -- that we here highly \
resolve that these dead shall not have died in vain -- that this nation, under God, shall \
have a new birth of freedom -- and that government of the people, by the people, for the \
people, shall not perish from the earth.
"""

CLASSICS["pride_and_prejudice"] = """\
It is a truth universally acknowledged, that a single man in possession of a good \
fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his first entering a \
neighbourhood, this truth is so well fixed in the minds of the surrounding families, that \
he is considered the rightful property of some one or other of their daughters.

"My dear Mr. Bennet," said his lady to him one day, "have you heard that Netherfield \
Park is let at last?"

Mr. Bennet replied that he had not.

"But it is," returned she; "for Mrs. Long has just been here, and she told me all about \
it."

Mr. Bennet made no answer.

"Do you not want to know who has taken it?" cried his wife impatiently.

"You want to tell me, and I have no objection to hearing it."

This was invitation enough.

"Why, my dear, you must know, Mrs. Long says that Netherfield is taken by a young man of \
large fortune from the north of England; that he came down on Monday in a chaise and four \
to see the place, and was so much delighted with it, that he agreed with Mr. Morris \
immediately; that he is to take possession before Michaelmas, and some of his servants \
are to be in the house by the end of next week."

"What is his name?"

"Bingley."

"Is he married or single?"

"Oh! Single, my dear, to be sure! A single man of large fortune; four or five thousand a \
year. What a fine thing for our girls!"

"How so? How can it affect them?"

"My dear Mr. Bennet," replied his wife, "how can you be so tiresome! You must know that \
I am thinking of his marrying one of them."
"""

CLASSICS["tale_of_two_cities"] = """\
It was the best of times, it was the worst of times, it was the age of wisdom, it was the \
age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was \
the season of Light, it was the season of Darkness, it was the spring of hope, it was the \
winter of despair, we had everything before us, we had nothing before us, we were all \
going direct to Heaven, we were all going direct the other way -- in short, the period \
was so far like the present period, that some of its noisiest authorities insisted on its \
being received, for good or for evil, in the superlative degree of comparison only.

There were a king with a large jaw and a queen with a plain face, on the throne of \
England; there were a king with a large jaw and a queen with a fair face, on the throne \
of France. In both countries it was clearer than crystal to the lords of the State \
preserves of loaves and fishes, that things in general were settled for ever.
"""

CLASSICS["moby_dick"] = """\
Call me Ishmael. Some years ago -- never mind how long precisely -- having little or no \
money in my purse, and nothing particular to interest me on shore, I thought I would \
sail about a little and see the watery part of the world. It is a way I have of driving \
off the spleen and regulating the circulation. Whenever I find myself growing grim about \
the mouth; whenever it is a damp, drizzly November in my soul; whenever I find myself \
involuntarily pausing before coffin warehouses, and bringing up the rear of every \
funeral I meet; and especially whenever my hypos get such an upper hand of me, that it \
requires a strong moral principle to prevent me from deliberately stepping into the \
street, and methodically knocking people's hats off -- then, I account it high time to \
get to sea as soon as I can. This is my substitute for pistol and ball. With a \
philosophical flourish Cato throws himself upon his sword; I quietly take to the ship. \
There is nothing surprising in this. If they but knew it, almost all men in their \
degree, some time or other, cherish very nearly the same feelings towards the ocean with \
me.
"""

CLASSICS["declaration"] = """\
When in the Course of human events, it becomes necessary for one people to dissolve the \
political bands which have connected them with another, and to assume among the powers of \
the earth, the separate and equal station to which the Laws of Nature and of Nature's \
God entitle them, a decent respect to the opinions of mankind requires that they should \
declare the causes which impel them to the separation.

We hold these truths to be self-evident, that all men are created equal, that they are \
endowed by their Creator with certain unalienable Rights, that among these are Life, \
Liberty and the pursuit of Happiness. That to secure these rights, Governments are \
instituted among Men, deriving their just powers from the consent of the governed.
"""

CLASSICS["alice"] = """\
Alice was beginning to get very tired of sitting by her sister on the bank, and of having \
nothing to do: once or twice she had peeped into the book her sister was reading, but it \
had no pictures or conversations in it, "and what is the use of a book," thought Alice, \
"without pictures or conversations?"

So she was considering in her own mind (as well as she could, for the hot day made her \
feel very sleepy and stupid), whether the pleasure of making a daisy-chain would be worth \
the trouble of getting up and picking the daisies, when suddenly a White Rabbit with pink \
eyes ran close by her.

There was nothing so very remarkable in that; nor did Alice think it so very much out of \
the way to hear the Rabbit say to itself, "Oh dear! Oh dear! I shall be late!" (when she \
thought it over afterwards, it occurred to her that she ought to have wondered at this, \
but at the time it all seemed quite natural); but when the Rabbit actually took a watch \
out of its waistcoat-pocket, and looked at it, and then hurried on, Alice started to her \
feet, for it flashed across her mind that she had never before seen a rabbit with either \
a waistcoat-pocket, or a watch to take out of it, and burning with curiosity, she ran \
across the field after it, and fortunately was just in time to see it pop down a large \
rabbit-hole under the hedge.
"""


# --------------------------------------------------------------------------- sources
SPIN_SUITE_LEE = {
    2,
    7,
    13,
    16,
    17,
    20,
    21,
    24,
    27,
    30,
    32,
    33,
    37,
    41,
    43,
    46,
    54,
    55,
    67,
    72,
    74,
    75,
    79,
    86,
    89,
    90,
    93,
    94,
    98,
    100,
    103,
    118,
    122,
    123,
    127,
    132,
    133,
    134,
    135,
    137,
    138,
    141,
    143,
    148,
    150,
    152,
    162,
    175,
    178,
    182,
    190,
    197,
    205,
    208,
    217,
    218,
    222,
    232,
    248,
    252,
    254,
    255,
    258,
    266,
    267,
    268,
    272,
    281,
    289,
    290,
    294,
    295,
}  # Lee background documents already in benchmarks/suites/spin (not reused here)
N_LEE_BACKGROUND = 24
N_LEE_TEST = 30
N_WRAPPED = 6

#: Wikipedia articles of gensim's enwiki test dump, and how many prose paragraphs of each.
WIKI_ARTICLES: dict[str, int] = {
    "Albedo": 5,
    "Autism": 5,
    "Amphibian": 5,
    "Algae": 4,
    "Alkane": 4,
    "Acid": 4,
    "Anatomy": 4,
    "Analysis of variance": 3,
    "Apollo 11": 5,
    "Abraham Lincoln": 5,
    "Animal Farm": 4,
    "Aristotle": 4,
    "Andre Agassi": 4,
}
_WIKI_BAD = re.compile(
    r"[|{}\[\]=*<>_#\\]|\(\s*[;,]|\(\s*\)|\(\s|\s\)|\s[,.;:!?]|  |,,|\.\.|\.,|,\.|\(e\.g\.\)|thumb|NOTE:"
    r"|\b(?:ISBN|pp?\.)\s|^\W"
)


def wrap(text: str, break_on_hyphens: bool, width: int = 70) -> str:
    """``text`` hard-wrapped at ``width`` like a plain-text e-mail or e-book."""
    return (
        textwrap.fill(
            text.strip(), width=width, break_on_hyphens=break_on_hyphens, break_long_words=False
        )
        + "\n"
    )


def gensim_data(name: str) -> Path:
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "gensim is not installed: pip install -e '.[bench]' (or pip install gensim)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data" / name


def lines_of(name: str) -> list[str]:
    # lee.cor is Latin-1 (one byte 0xA3, the pound sign); the others are ASCII.
    text = gensim_data(name).read_bytes().decode("latin-1")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def prose_paragraph(par: str) -> bool:
    """A Wikipedia paragraph that markup stripping left as plain, whole prose."""
    return (
        len(par) >= 250
        and par[0].isupper()
        and par.endswith(".")
        and not _WIKI_BAD.search(par)
        and par.count("(") == par.count(")")
        and par.count('"') % 2 == 0
    )


def wiki_documents() -> dict[str, str]:
    from gensim.corpora.wikicorpus import extract_pages, filter_wiki

    path = gensim_data("enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2")
    out: dict[str, str] = {}
    with bz2.open(path) as fh:
        for title, text, _ in extract_pages(fh):
            if title not in WIKI_ARTICLES or title in out:
                continue
            plain = filter_wiki(text).replace("'''", "").replace("''", "")
            pars = [p.strip() for p in plain.splitlines()]
            good = [p for p in pars if prose_paragraph(p)][: WIKI_ARTICLES[title]]
            out[title] = "\n\n".join(good) + "\n"
    missing = set(WIKI_ARTICLES) - set(out)
    if missing:
        raise SystemExit(f"articles not found in the gensim enwiki dump: {sorted(missing)}")
    return out


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")


def documents() -> list[tuple[str, str]]:
    """(name, text) of every clean document, in a fixed order."""
    docs: list[tuple[str, str]] = []
    for p in sorted((ROOT / "seeds").glob("00[1-4]_*.txt")):
        docs.append((f"news_seed{p.name[:3]}", p.read_text(encoding="utf-8")))
    for i, text in enumerate(lines_of("lee.cor")[:N_LEE_TEST]):
        docs.append((f"news_leetest{i:02d}", text + "\n"))
    background = lines_of("lee_background.cor")
    free = [i for i in range(len(background)) if i not in SPIN_SUITE_LEE]
    for i in free[::5][:N_LEE_BACKGROUND]:
        docs.append((f"news_lee{i:03d}", background[i] + "\n"))
    for title, text in wiki_documents().items():
        docs.append((f"wiki_{slug(title)}", text))
    for key, name in (("new_york", "para2para_text1.txt"), ("berlin", "para2para_text2.txt")):
        docs.append((f"wiki_{key}", gensim_data(name).read_text(encoding="utf-8")))
    for key, text in CLASSICS.items():
        docs.append((f"book_{key}", text))
    # Hard-wrapped copies (e-mail, plain-text e-books): line breaks, some after hyphens.
    lee_test = lines_of("lee.cor")
    for i in range(N_WRAPPED):
        docs.append((f"news_wrapped_leetest{i:02d}", wrap(lee_test[i], i % 2 == 0)))
    for key in ("alice", "moby_dick"):
        paras = CLASSICS[key].strip().split("\n\n")
        docs.append((f"book_wrapped_{key}", "\n\n".join(wrap(p, True) for p in paras)))
    for key, text in HAND.items():
        docs.append((f"hand_{key}", text))
    return docs


# --------------------------------------------------------------------------- writing
MANIFEST = """\
# Clean suite (negatives only: damaged == clean)

Generated by `python benchmarks/make_clean_suite.py`; rerunning it reproduces every file
byte for byte.  Do not edit by hand.  Every pair has `NAME.damaged.txt == NAME.clean.txt`:
the restorer must leave each document byte-identical.  `benchmarks/clean_audit.py`
measures the changed tokens per 1,000 and lists every edit; `tests/test_clean_suite.py`
asserts byte identity.

| prefix | what | source and licence |
|---|---|---|
| `news_seed00N` | seeds 001-004 of this repository (news of 30 Oct 2025) | quoted for research/benchmarking, as in the spin suite |
| `news_leetestNN` | the first {n_lee_test} documents of the Lee corpus test set (`lee.cor`) | ABC news items collected by M. D. Lee, B. Pincombe and M. Welsh (CogSci 2005), redistributed in the gensim wheel (LGPL-2.1) as test data; no separate licence stated; small research excerpt |
| `news_leeNNN` | {n_lee_bg} documents of `lee_background.cor` (every 5th index not used by the spin suite) | as above |
| `wiki_*` | prose paragraphs (markup stripped with gensim's `filter_wiki`, paragraphs with leftover markup dropped) of {n_wiki} articles of gensim's shortened English Wikipedia test dump, and gensim's `para2para_text1/2.txt` (New York, Berlin; with their `[1]` footnote marks) | Wikipedia contributors, CC BY-SA 3.0 (these files are under CC BY-SA 3.0) |
| `news_wrapped_leetestNN`, `book_wrapped_*` | the first {n_wrapped} Lee test documents and two classics hard-wrapped at 70 columns (`textwrap`; every other Lee document also breaks after hyphens, as some e-mail clients do) | as their sources |
| `book_*` | openings of public-domain works: Gettysburg Address, Declaration of Independence, *Pride and Prejudice*, *A Tale of Two Cities*, *Moby-Dick*, *Alice's Adventures in Wonderland* | public domain, typed from the standard texts in `make_clean_suite.py` |
| `hand_*` | texts written for this project, each aimed at a false-positive risk (headlines, lists and numbers, science/ML abstracts with "deep learning"/"big data", honest spinner-like words, OCR look-alike real words, hard-wrapped lines with real compounds, dialogue with quotes, typography/accents/currency, short texts, press release, sports report, recipe, formal notice, academic prose) | same licence as this project |

Old books of the ICDAR 2017 post-OCR competition (gold side) are **not** copied here
(their licence is non-commercial use); `benchmarks/clean_audit.py --icdar DIR` reads
them in place.

## Size

{stats}
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT), help="suite folder (default: %(default)s)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.damaged.txt")) + list(out.glob("*.clean.txt")):
        old.unlink()
    docs = documents()
    n_words = 0
    n_bytes = 0
    for name, text in docs:
        for side in ("damaged", "clean"):
            (out / f"{name}.{side}.txt").write_text(text, encoding="utf-8", newline="\n")
        n_words += len(re.findall(r"\w+", text))
        n_bytes += 2 * len(text.encode())
    kinds: dict[str, int] = {}
    for name, _ in docs:
        kinds[name.split("_")[0]] = kinds.get(name.split("_")[0], 0) + 1
    rows = [("documents", len(docs)), *((f"documents_{k}", v) for k, v in kinds.items())]
    rows += [("words", n_words), ("bytes (both sides)", n_bytes)]
    stats = "| statistic | value |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in rows)
    (out / "MANIFEST.md").write_text(
        MANIFEST.format(
            n_lee_test=N_LEE_TEST,
            n_lee_bg=N_LEE_BACKGROUND,
            n_wrapped=N_WRAPPED,
            n_wiki=len(WIKI_ARTICLES),
            stats=stats,
        ),
        encoding="utf-8",
    )
    print(f"wrote {len(docs)} documents, {n_words} words, {n_bytes} bytes to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
