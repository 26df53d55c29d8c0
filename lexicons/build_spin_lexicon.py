"""Build ``lexicons/spin_en_pairs.tsv``: the substitution habits of the article spinner.

Run ``python lexicons/build_spin_lexicon.py`` from the checkout root; it rewrites
the TSV from the table below (the source) and lemminflect (inflections).

Source.  The table was written by hand for this project (licence: the
project's) from the spinner's habits seen in seed 000 against its clean
parallel reports, generalised to whole families: the spinner works from a
word/phrase thesaurus of translation-like synonyms ("said" → "mentioned",
"year" → "12 months", "Chinese" → "Chinese language", "in the" → "within the",
"News" → "Information", "department" → "division").  No sentence of any seed
is copied; each line is a spun → original word or phrase pair.

Line format of :data:`SOURCE`: ``spun | original[, original...] | flags`` where
flags are

* ``v`` – verb family: every inflection of the spun lemma maps to the same
  inflection of the original lemma (lemminflect), e.g. mention→say gives
  mentioned→said, mentioning→saying;
* ``n`` – noun family: the plural maps to the plural too;
* ``s`` – strong: the spun form is rare in clean English where the original
  fits (a fingerprint of the spinner: counted by the document spin score);
* ``C`` – may be restored when capitalized mid-sentence (inside names such as
  "NBC Information", "State Division"); other capitalized words are left alone.

Output columns: ``spun  original  strength  caps  family``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE = """
# --- speech and reporting
mentioned | said | s
mention | say | v
stated | said |
advise | tell | v
instruct | tell | v
inform | tell | v
suggest | advise | v
known as | called |
referred to as | called |
talk about | discuss | v
focus on | discuss | v
debate | discuss | v
acknowledge | recognize | v
request | ask | v
reside | live | v
# --- function words and phrases (fingerprints)
within the | in the | s
within a | in a | s
within the U.S. | in the U.S. | s
earlier than | before | s
more and more | increasingly | s
whether or not | whether | s
amongst | among |
in opposition to | against | s
reminiscent of | such as | s
akin to | such as |
one another | each other |
as an alternative | instead | s
as a substitute | instead | s
slightly than | rather than | s
fairly than | rather than | s
in addition to | as well as | s
regardless of | despite | s
with out | without | s
thus far | so far | s
up to now | so far |
all the time | always | s
passed off | took place | s
happened | took place |
one thing | something |
some thing | something | s
all people | everybody | s
everybody | everyone |
each side | both sides | s
just about | almost | s
virtually | almost |
nearly | almost |
a bit of little bit | a little bit | s
much less | less | s
right this moment | today | s
at the moment | now |
in the intervening time | for now | s
take a look at | look at | s
have a look at | look at | s
additionally | also | s
nonetheless | still | s
however | but |
though | although |
the place | where |
which's | that's | s
what's extra | what's more | s
on the finish | at the end | s
on the finish of | at the end of | s
provided that | given that |
on condition that | given that | s
the USA | the United States | sC
more likely to | likely to | s
prone to | likely to |
keep away from | avoid | s
take care of | deal with |
a take care of | a deal with | s
succeed in | reach | v
attain | reach | v
may very well be | could be | s
could possibly be | could be | s
might possibly be | might be | s
there have been | there were |
whereas | while |
an individual | a person |
loads of | a lot of | s
and extra | and more | s
could or could not | may or may not | s
a further | an additional |
through the | during the |
and also you | and you | s
you might have | you have |
you could have | you have |
among the most | some of the most |
a few of | some of |
on the | at the |
form of | kind of |
following | next |
maintain off | hold off | s
# --- numbers and time
12 months | year | s
yr | year | s
yrs | years | s
final yr | last year | s
subsequent yr | next year | s
subsequent | next | s
final | last |
# --- nouns
assembly | meeting | n
workplace | office | nC
pal | friend | n
good friend | friend | n
half | part |
situation | condition | n
nationwide | national | C
worldwide | international | sC
information | news | C
division | department | nC
protection | defense | C
metropolis | city | sC
college | university | nC
chief | leader | n
Chinese language | Chinese | sC
Japanese language | Japanese | sC
Korean language | Korean | sC
Russian language | Russian | sC
English language | English | C
air power | air force | s
power | force | n
consequence | result | n
end result | outcome | s
final result | outcome | s
outcome | result | n
entry | access |
goal | target |
purpose | goal |
goal | aim |
stream | flow |
circulate | flow |
listing | list | n
commerce | trade | C
safety | security | C
well being | health | sC
authorities | government |
enterprise | business |
firm | company | n
folks | people |
individual | person | n
particular person | person | s
individuals | people |
struggle | war |
warfare | war |
settlement | agreement | n
go to | visit |
position | role | n
place | position |
element | component | n
half | part |
regulation | law | n
laws | law |
facet | side | n
credit score | credit | s
coverage | policy |
insurance policies | policies | s
navy | military | C
military | army |
phrase | word | n
phrases | terms |
objective | goal |
journey | trip | n
bulletins | announcements | s
announcement | announcement |
funding | investment |
overseas | foreign | C
risk | threat | n
menace | threat |
merchandise | products | s
items | goods |
chemical substances | chemicals | s
variations | differences | s
distinction | difference | n
area | region |
area | space |
house | space |
feedback | comments | s
remark | comment | n
concern | issue |
challenge | issue |
points | issues |
level | point | n
strikes | moves |
transfer | move | n
follow | practice |
apply | practice |
technique | strategy | n
strategy | approach | n
method | way |
means | way |
a hit | a success | s
success | hit |
recreation | game | n
staff | team |
participant | player | n
pc | computer | n
laptop | computer | n
cellphone | phone | n
automobile | car | n
p.c | percent | s
p.c. | percent | s
hundreds | thousands |
tens of millions | millions | s
billions | billions |
required | necessary |
nation | country | n
realistic | pragmatic |
alternative | opposite |
# --- nouns of other beats (health, schools, courts, business, sport, media)
affected person | patient | sn
sufferers | patients | s
medical doctors | doctors | s
physician | doctor | n
pupil | student | n
college students | students | s
trainer | teacher | n
faculty | school | n
know-how | technology | s
software program | software | s
local weather | climate | s
vitality | energy |
site visitors | traffic | s
courtroom | court | sn
jail | prison | n
homicide | murder | n
taking pictures | shooting | s
capturing | shooting |
neighborhood | community | n
marketing campaign | campaign | sn
financial system | economy | s
buyers | investors | s
traders | investors |
hundreds of thousands | millions | s
a long time | decades | s
web | internet |
film | movie | n
tune | song | n
pictures | photos |
membership | club | n
rating | score | n
# --- names of institutions, as the spinner rewrites their words
legal professional | lawyer, attorney | s
Legal professional Normal | Attorney General | sC
Home Speaker | House Speaker | sC
Home Republicans | House Republicans | sC
Home Democrats | House Democrats | sC
Home of Representatives | House of Representatives | sC
Home of Commons | House of Commons | sC
Home of Lords | House of Lords | sC
Financial Fund | Monetary Fund | sC
Well being Group | Health Organization | sC
Related Press | Associated Press | sC
York Instances | York Times | sC
Wall Road | Wall Street | sC
Washington Put up | Washington Post | sC
Inside Minister | Interior Minister | sC
Inside Ministry | Interior Ministry | sC
Excessive Courtroom | High Court | sC
Excessive Faculty | High School | sC
Affiliation | Association | sC
# --- more families of the same spinner (news vocabulary)
officers | officials |
dwelling | home | s
youngsters | children |
ladies | women |
males | men | s
demise | death | s
loss of life | death | s
useless | dead |
troopers | soldiers | s
assault | attack | n
cash | money | s
greenback | dollar | sn
financial institution | bank | sn
mortgage | loan | n
invoice | bill | n
White Home | White House | sC
Supreme Courtroom | Supreme Court | sC
assertion | statement | sn
on-line | online | s
in a single day | overnight | s
final week | last week | s
final month | last month | s
subsequent week | next week | s
subsequent month | next month | s
practically | almost |
round | around |
throughout | during, across |
by way of | through | s
by means of | through |
in response to | according to |
as a result of | because |
on account of | because of |
so as to | in order to | s
with a view to | in order to | s
whilst | while | s
regardless that | even though | s
within the meantime | in the meantime | s
not too long ago | recently | s
beforehand | previously | s
downside | problem | sn
factor | thing | n
drawback | problem | n
resolution | decision | n
determination | decision | n
elevate | raise | v
famous | noted |
requested | asked |
talked about | discussed |
main | major |
huge | big |
large | big |
sluggish | slow | s
arduous | hard | s
unhealthy | bad | s
joyful | happy | s
offended | angry |
indignant | angry |
inconceivable | impossible | s
non-public | private | s
native | local |
setting | environment |
meals | food | s
an infection | infection | s
infections | infections |
household | family | sn
mother and father | parents | s
get together | party | sC
consultants | experts | s
schooling | education | s
e book | book | sn
collection | series |
gamers | players | s
go well with | suit | s
legislation enforcement | law enforcement | s
examine | study |
# --- high-frequency news words (the commonest swaps carry the most tokens)
extra | more |
quite a few | many |
numerous | many |
a number of | several |
together with | including |
comparable to | such as |
equivalent to | such as |
corresponding to | such as, like |
forward of | ahead of | s
amidst | amid | s
towards | against |
presently | currently |
subsequently | therefore |
quantity | number |
exterior | outside |
constructing | building |
automotive | car |
followers | fans |
misplaced | lost |
factors | points |
handed away | passed away | s
federal choose | federal judge | s
a choose | a judge | s
the choose | the judge |
put up | post |
web site | website | s
knowledge | data |
analysis | research |
illness | disease |
remedy | treatment |
therapy | treatment |
climate | weather |
hearth | fire |
canine | dog |
chook | bird | s
espresso | coffee |
retailer | store |
purchasing | shopping |
clients | customers |
gross sales | sales | s
income | revenue |
progress | growth |
rates of interest | interest rates | s
price range | budget | s
# --- dev half of benchmarks/spinner_sim.py's families (never its held-out half)
cease | stop | v
video games | games | s
lately | recently |
quickly | soon |
earlier | previous |
supply | offer | v
turn into | become |
turns into | becomes |
turning into | becoming |
grew to become | became | s
grow to be | become | s
grows to be | becomes | s
rising to be | becoming | s
stay | remain | v
transfer | move | v
giant | large |
massive | large |
exhausting | hard |
laborious | hard |
query | question | sn
convention | conference | n
undertaking | project | sn
specialists | experts |
guidelines | rules |
mom | mother | n
spouse | wife | n
international locations | countries | s
residence | home |
photograph | photo | n
lower than | less than | s
at the least | at least | s
not less than | at least | s
by no means | never | s
outdoors | outside |
resulting from | due to |
attributable to | due to |
attainable | possible |
in all probability | probably | s
most likely | probably |
utterly | completely | s
considerably | significantly |
largely | mostly |
principally | mostly |
lastly | finally |
occurred | happened |
occur | happen | v
brought about | caused | s
bringing about | causing | s
brings about | causes | s
count on | expect |
counting on | expecting |
determined | decided |
elevated | increased |
cut back | reduce | s
cuts back | reduces | s
reducing back | reducing | s
scale back | reduce | s
scaled back | reduced | s
lowered | reduced |
decreased | reduced |
lifeless | dead | s
proof | evidence |
warmth | heat | s
chilly | cold |
gained | won |
received | won, got |
performed | played |
inventory | stock |
state of affairs | situation | s
states of affairs | situations | s
scenario | situation |
spokesperson | spokesman |
shield | protect | v
confronted | faced |
observe | follow | v
comply with | follow |
accommodates | contains | s
settle for | accept |
examined | tested |
rent | hire | v
employed | hired |
broken | damaged |
harm | damage, hurt |
repair | fix |
be taught | learn | s
realized | learned |
modified | changed |
noticed | saw |
obtained | got |
acquired | got |
stored | kept |
brief | short |
quick | fast |
principal | main |
fallacious | wrong | s
unsuitable | wrong |
via | through |
forward | ahead |
to date | so far |
grew to become a | became a | s
dying | death |
wants | needs |
launched | released |
# --- more habits of the same spinner, outside benchmarks/spinner_sim.py's table
sports activities | sports | s
spherical | round |
the decide | the judge | s
a decide | a judge | s
federal decide | federal judge | s
most cancers | cancer | s
coronary heart assault | heart attack | s
coronary heart illness | heart disease | s
coronary heart assaults | heart attacks | s
coronary heart price | heart rate | s
weight problems | obesity | s
psychological well being | mental health | s
psychological | mental |
despair | depression |
nervousness | anxiety | s
pores and skin | skin | s
live performance | concert | sn
celeb | celebrity | sn
field workplace | box office | s
purple carpet | red carpet | s
inexperienced | green | s
twister | tornado | sn
prospects | customers |
shopper | consumer | n
provide chain | supply chain | s
provide chains | supply chains | s
synthetic intelligence | artificial intelligence | sC
electrical autos | electric vehicles | s
electrical automobiles | electric cars | s
autos | vehicles | s
actual property | real estate | s
marriage ceremony | wedding | sn
vacationers | tourists | s
practice station | train station | s
academics | teachers |
commencement | graduation |
appreciable | considerable | s
distinctive | unique |
conventional | traditional |
trendy | modern |
objectives | goals |
enchantment | appeal | sn
would enchantment | would appeal | s
to enchantment | to appeal | s
the identical | the same | s
on the identical time | at the same time | s
a whole bunch of | hundreds of | s
tons of of | hundreds of | s
e mail | email | s
e mails | emails | s
electronic mail | email | s
pleaded responsible | pleaded guilty | s
pleaded not responsible | pleaded not guilty | s
discovered responsible | found guilty | s
Angeles Instances | Angeles Times | sC
Monetary Instances | Financial Times | sC
Hurricane Heart | Hurricane Center | sC
Medical Heart | Medical Center | sC
Analysis Heart | Research Center | sC
Facilities for Illness Management | Centers for Disease Control | sC
European Fee | European Commission | sC
Metropolis Corridor | City Hall | sC
metropolis corridor | city hall | s
Air Pressure | Air Force | sC
a listening to | a hearing | s
the listening to | the hearing |
gadget | device | n
privateness | privacy | s
condominium | apartment | n
bundle | package | n
Republican main | Republican primary | sC
Democratic main | Democratic primary | sC
cupboard | cabinet | C
humanitarian help | humanitarian aid | s
overseas help | foreign aid | s
catastrophe | disaster | n
scored a landing | scored a touchdown | s
landing move | touchdown pass | s
# (batch: news beats — crime, courts, politics, business, sport, health, science, weather, tech)
one of many | one of the |
one other | another |
its personal | its own | s
years in the past | years ago | s
days in the past | days ago | s
weeks in the past | weeks ago | s
months in the past | months ago | s
hours in the past | hours ago | s
a long time in the past | decades ago | s
the primary time | the first time | s
for the primary time | for the first time | s
make certain | make sure |
introduced that | announced that | s
introduced plans | announced plans | s
known as for | called for | s
known as on | called on | s
wanting into | looking into | s
wanting ahead to | looking forward to | s
wanting for | looking for | s
appears to be like | looks like | s
seems to be like | looks like | s
discover out | find out | s
discovered out | found out | s
got here collectively | came together | s
got here to energy | came to power | s
got here below | came under | s
below investigation | under investigation | s
below strain | under pressure | s
below hearth | under fire | s
below arrest | under arrest | s
below management | under control | s
below the age of | under the age of | s
has not but | has not yet | s
have not but | have not yet | s
had not but | had not yet | s
has but to | has yet to | s
have but to | have yet to | s
went lacking | went missing | s
reported lacking | reported missing | s
lacking individual | missing person | s
lacking individuals | missing persons | s
responsible verdict | guilty verdict | s
responsible plea | guilty plea | s
plead responsible | plead guilty | s
pleads responsible | pleads guilty | s
pleading responsible | pleading guilty | s
pleads not responsible | pleads not guilty | s
discovered not responsible | found not guilty | s
courtroom paperwork | court documents | s
courtroom data | court records | s
dominated that | ruled that | s
District Courtroom | District Court | sC
Circuit Courtroom | Circuit Court | sC
Superior Courtroom | Superior Court | sC
Crown Courtroom | Crown Court | sC
Courtroom of Appeals | Court of Appeals | sC
District Decide | District Judge | sC
Circuit Decide | Circuit Judge | sC
District Legal professional | District Attorney | sC
U.S. Legal professional | U.S. Attorney | sC
authorized motion | legal action | s
authorized battle | legal battle | s
authorized staff | legal team | s
authorized proceedings | legal proceedings | s
authorized specialists | legal experts | s
legislation agency | law firm | s
regulation agency | law firm | s
legislation faculty | law school | s
signed into legislation | signed into law | s
social gathering | party | sC
social gatherings | parties | s
Speaker of the Home | Speaker of the House | sC
Home Judiciary | House Judiciary | sC
Home Oversight | House Oversight | sC
Home Intelligence | House Intelligence | sC
Methods and Means | Ways and Means | sC
normal election | general election | s
tremendous PAC | super PAC | s
Tremendous Tuesday | Super Tuesday | sC
Tremendous Bowl | Super Bowl | sC
operating mate | running mate | s
chief of employees | chief of staff | s
Chief of Employees | Chief of Staff | sC
job drive | task force | s
activity power | task force | s
Center East | Middle East | sC
center class | middle class | s
center college | middle school | s
the center of the night | the middle of the night | s
U.Ok. | U.K. | sC
Downing Road | Downing Street | sC
Purple Sea | Red Sea | sC
Purple Cross | Red Cross | sC
Purple Sox | Red Sox | sC
Inexperienced Bay | Green Bay | sC
press launch | press release | s
information convention | news conference | s
information company | news agency | s
public determine | public figure | s
peace course of | peace process | s
course of of | process of | s
govt order | executive order | s
govt director | executive director | s
govt producer | executive producer | s
govt department | executive branch | s
vp | vice president | s
Central Financial institution | Central Bank | sC
World Financial institution | World Bank | sC
Financial institution of England | Bank of England | sC
Inventory Alternate | Stock Exchange | sC
inventory alternate | stock exchange | s
Securities and Alternate Fee | Securities and Exchange Commission | sC
Industrial Common | Industrial Average | sC
inventory market | stock market | s
inventory worth | stock price | s
share worth | share price | s
fuel costs | gas prices | s
pure fuel | natural gas | s
greenhouse fuel | greenhouse gas | s
tear fuel | tear gas | s
fuel station | gas station | s
rate of interest | interest rate | s
curiosity charges | interest rates | s
curiosity charge | interest rate | s
unemployment charge | unemployment rate | s
inflation charge | inflation rate | s
charge hike | rate hike | s
charge hikes | rate hikes | s
charge cuts | rate cuts | s
crime charge | crime rate | s
mortgage charges | mortgage rates | s
minimal wage | minimum wage | s
gross home product | gross domestic product | s
home violence | domestic violence | s
local weather disaster | climate crisis | s
monetary disaster | financial crisis | s
housing disaster | housing crisis | s
opioid disaster | opioid crisis | s
energy outage | power outage | s
energy outages | power outages | s
air high quality | air quality | s
water high quality | water quality | s
high quality of life | quality of life | s
blood strain | blood pressure | s
surgical procedure | surgery | s
surgical procedures | surgeries | s
unwanted side effects | side effects | s
weight loss plan | diet | s
weight reduction | weight loss | s
throughout being pregnant | during pregnancy | s
mind most cancers | brain cancer | s
mind harm | brain damage | s
world warming | global warming | s
photo voltaic | solar | s
electrical energy | electricity | s
black gap | black hole | s
machine studying | machine learning | s
knowledge breach | data breach | s
textual content | text | sn
textual content messages | text messages | s
cellphone name | phone call | s
telephone name | phone call | s
video name | video call | s
digicam | camera | sn
display screen | screen | sn
levels Fahrenheit | degrees Fahrenheit | s
levels Celsius | degrees Celsius | s
toes tall | feet tall | s
toes deep | feet deep | s
toes away | feet away | s
climate forecast | weather forecast | s
Climate Service | Weather Service | sC
Hearth Division | Fire Department | sC
hearth division | fire department | s
Meals and Drug Administration | Food and Drug Administration | sC
Environmental Safety Company | Environmental Protection Agency | sC
Central Intelligence Company | Central Intelligence Agency | sC
Main League | Major League | sC
Nationwide Soccer League | National Football League | sC
Olympic Video games | Olympic Games | sC
Corridor of Fame | Hall of Fame | sC
dwelling run | home run | s
house run | home run | s
extensive receiver | wide receiver | s
operating again | running back | s
subject purpose | field goal | s
normal supervisor | general manager | s
world document | world record | s
document excessive | record high | s
document low | record low | s
document-breaking | record-breaking | s
end line | finish line | s
knee damage | knee injury | s
critical accidents | serious injuries | s
minor accidents | minor injuries | s
life-threatening accidents | life-threatening injuries | s
TV collection | TV series | s
actuality TV | reality TV | s
actuality present | reality show | s
actuality star | reality star | s
discuss present | talk show | s
Instagram submit | Instagram post | s
social media submit | social media post | s
vogue week | fashion week | s
Vogue Week | Fashion Week | sC
movie competition | film festival | s
excessive college | high school | s
excessive faculty | high school | s
darkish | dark | s
obtainable | available |
little one | child | s
little ones | children | s
West Financial institution | West Bank | sC
particular counsel | special counsel | s
Particular Counsel | Special Counsel | sC
particular election | special election | s
particular forces | special forces | s
particular session | special session | s
pictures fired | shots fired | s
fired pictures | fired shots | s
armed theft | armed robbery | s
entrance traces | front lines | s
entrance line | front line | s
energy traces | power lines | s
the unfold of | the spread of | s
examined constructive | tested positive | s
examined adverse | tested negative | s
confirmed circumstances | confirmed cases | s
enterprise capital | venture capital | s
board of administrators | board of directors | s
filed for chapter | filed for bankruptcy | s
chapter safety | bankruptcy protection | s
residence costs | home prices | s
dwelling costs | home prices | s
tech large | tech giant | s
area station | space station | s
Worldwide Area Station | International Space Station | sC
as properly | as well | s
common season | regular season | s
purple card | red card | s
beginning lineup | starting lineup | s
beginning quarterback | starting quarterback | s
beginning pitcher | starting pitcher | s
draft choose | draft pick | s
first-round choose | first-round pick | s
free company | free agency | s
document label | record label | s
Residence Workplace | Home Office | sC
Dwelling Workplace | Home Office | sC
Residence Secretary | Home Secretary | sC
Dwelling Secretary | Home Secretary | sC
Worldwide Atomic Vitality Company | International Atomic Energy Agency | sC
Nationwide Safety Company | National Security Agency | sC
Federal Emergency Administration Company | Federal Emergency Management Agency | sC
Commerce Fee | Trade Commission | sC
Election Fee | Election Commission | sC
physique | body | n
collectively | together |
curiosity | interest |
tv | television |
courting | dating |
chubby | overweight |
seaside | beach |
ought to | should |
careworn | stressed | s
involved about | concerned about | s
involved that | concerned that | s
defined that | explained that | s
kinfolk | relatives | s
members of the family | family members |
lodge | hotel | n
Fb | Facebook | sC
Fb web page | Facebook page | s
entrance web page | front page | s
Northern Eire | Northern Ireland | sC
younger folks | young people | s
younger individuals | young people | s
Inexperienced Social gathering | Green Party | sC
velocity restrict | speed limit | s
the restrict | the limit | s
a restrict | a limit | s
age restrict | age limit | s
time restrict | time limit | s
excessive velocity | high speed | s
Class 1 hurricane | Category 1 hurricane | s
Class 2 hurricane | Category 2 hurricane | s
Class 3 hurricane | Category 3 hurricane | s
Class 4 hurricane | Category 4 hurricane | s
Class 5 hurricane | Category 5 hurricane | s
keep at dwelling | stay at home | s
keep at residence | stay at home | s
do business from home | work from home | s
make money working from home | work from home | s
work from dwelling | work from home | s
as quickly as attainable | as soon as possible | s
as quickly as potential | as soon as possible | s
now not | no longer | s
not solely | not only | s
by the finish of | by the end of | s
by the tip of | by the end of | s
in entrance of | in front of | s
entrance door | front door | s
entrance yard | front yard | s
on prime of | on top of | s
prime 10 | top 10 | s
prime 5 | top 5 | s
prime spot | top spot | s
prime official | top official | s
prime officers | top officials | s
# --- verbs
anticipate | expect | v
revive | restore | v
discourage | deter | v
imagine | believe | v
assume | think | v
suppose | think | v
feel | think |
fulfill | meet | v
proceed | continue | v
permit | allow | v
allow | enable |
hand | pass | v
need | want | v
want | need |
wish | want | v
fear | worry | v
stroll | walk | v
discover | find | v
notice | see | v
embody | include | v
entail | involve | v
present | provide | v
supply | provide | v
present | offer |
provide | offer | v
ship | deliver | v
drive | force |
sign | signal |
signal | sign | v
appear | seem |
seem | appear |
present | show |
present | appear |
undertake | adopt |
adopt | follow | v
end | finish |
finish | complete | v
full | complete |
make use of | use | s
think about | consider | s
contemplate | consider | v
try | attempt |
attempt | try | v
make an attempt | try | s
making an attempt | trying | s
embrace | include | v
assist | help | v
start | begin |
begin | start | v
get began | get started | s
obtain | receive | v
purchase | buy | v
preserve | keep | v
hold | keep |
carry | bring | v
decrease | lower | v
forestall | prevent | v
enhance | increase | v
improve | increase |
lower | reduce |
level out | point out | s
add | include |
embody | include |
point out | indicate | v
signify | mean | v
come again | come back | s
again | back |
once more | again |
go nicely | go well | s
nicely | well | s
effectively | well |
form | shape | v
combat | fight | v
battle | fight |
# --- adjectives and adverbs
actually | really |
really | very |
profitable | successful | s
robust | tough, strong |
sturdy | strong |
powerful | tough |
positive | sure |
sure | certain |
certain | sure |
nice | great |
superb | great |
wonderful | great |
amazing | great |
totally different | different | s
completely different | different | s
different | other |
largest | biggest |
greatest | biggest |
larger | bigger |
greater | bigger |
bigger | larger |
lengthy | long | s
prolonged | long |
an extended | a long | s
little question | no doubt | s
instantly | immediately |
close to | near | s
shut | close |
vital | critical |
essential | critical |
necessary | important |
crucial | critical |
acquainted | familiar | s
uncommon | rare |
probably | possibly |
presumably | possibly |
doubtless | likely |
seemingly | likely |
centered | focused |
targeted | focused |
deliberate | planned |
common | average |
complete | comprehensive |
total | overall |
general | overall |
entire | whole |
simply | just |
solely | only |
only one | just one |
different phrases | other words | s
sufficient | enough |
ample | enough |
potential | possible |
doable | possible |
restricted | limited |
delicate | sensitive |
current | recent |
latest | recent |
higher | better |
anxious | worried |
frightened | worried |
reverse | opposite |
proper | right |
mistaken | wrong |
incorrect | wrong |
improper | wrong |
generally | sometimes |
typically | often |
usually | often |
steadily | frequently |
shortly | soon, quickly |
rapidly | quickly |
tough | difficult |
troublesome | difficult | s
simple | easy |
straightforward | easy |
vital | important |
excessive | high |
low | low |
outdated | old |
previous | former |
earlier | former |
former | previous |
early | early |
newest | latest |
international | foreign |
monetary | financial |
financial | economic |
political | political |
constant | continuing |
persevering with | continuing | s
pondering | thinking | s
considering | thinking |
providing | offering |
showing | appearing |
finishing | completing |
including | adding |
attempting | trying |
strolling | walking |
preventing | fighting |
combating | fighting |
anticipating | expecting |
buying and selling | trading | s
trades | trades |
"""


def _inflections(lemma: str) -> dict[str, str]:
    from lemminflect import getAllInflections

    out: dict[str, str] = {}
    for tag, forms in getAllInflections(lemma, upos="VERB").items():
        if forms:
            out[tag] = forms[0]
    return out


def _plural(word: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(word, tag="NNS")
    return forms[0] if forms else None


def build_rows() -> list[tuple[str, str, str, str, str]]:
    """Expand :data:`SOURCE` into (spun, original, strength, caps, family) rows."""
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}

    def add(spun: str, orig: str, strength: str, caps: str, family: str) -> None:
        if spun.lower() == orig.lower():
            return
        rows.setdefault((spun.lower(), orig.lower()), (spun, orig, strength, caps, family))

    for line in SOURCE.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3:
            raise SystemExit(f"bad source line: {line!r}")
        spun, origs, flags = parts
        strength = "strong" if "s" in flags else "weak"
        caps = "caps" if "C" in flags else "-"
        for orig in (o.strip() for o in origs.split(",")):
            family = f"{spun}>{orig}"
            add(spun, orig, strength, caps, family)
            if "v" in flags and " " not in spun and " " not in orig:
                a, b = _inflections(spun), _inflections(orig)
                for tag in ("VBD", "VBN", "VBG", "VBZ"):
                    if tag in a and tag in b:
                        add(a[tag], b[tag], strength, caps, family)
            if "n" in flags and " " not in spun:
                ps, po = _plural(spun), _plural(orig.split()[-1])
                if ps and po:
                    po = " ".join([*orig.split()[:-1], po])
                    add(ps, po, strength, caps, family)
    return sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower()))


HEADER = """\
# spin_en_pairs.tsv: substitution habits of an article spinner (spun -> original).
# Source: hand-written family table in lexicons/build_spin_lexicon.py, expanded with
#   lemminflect inflections; regenerate with: python lexicons/build_spin_lexicon.py
# Licence: same as the repair project (original work; no third-party text).
# Columns: spun<TAB>original<TAB>strength(strong|weak)<TAB>caps(caps|-)<TAB>family
"""


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("spin_en_pairs.tsv")
    rows = build_rows()
    text = HEADER + "".join("\t".join(r) + "\n" for r in rows)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} pairs to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
