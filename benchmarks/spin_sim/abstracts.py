"""Paper-mill style "tortured" abstracts: scientific abstracts synonym-spun by a thesaurus.

The abstracts below were written for this benchmark (original text, same licence as
the project, MIT; the last 20 were added in the collocation round, so the suite has 50,
split dev/test by document id as before); they imitate the register of machine
learning, medicine, materials and engineering papers.  A paper mill runs such a text
through a thesaurus spinner ("deep learning" -> "profound learning"); here each
abstract goes through the WordNet sense spinner or the rare-synonym spinner (a hash of
its id decides), with the families of the document's split only.
"""

from __future__ import annotations

import random

from . import rare, wordnet
from .corpus import Doc
from .text import SpunDoc, apply_edits, stable_hash

ABSTRACTS = (
    """Deep learning has become the standard approach for image classification, but large \
models require a great amount of labeled data. In this paper we propose a simple method \
that combines data augmentation with a small pretrained network. We evaluate the method on \
three public data sets and show that it improves accuracy by four percent on average. The \
results suggest that careful augmentation can replace a large part of the training data. \
Our code is available to other researchers.""",
    """Random forests are widely used for prediction in medicine because they are easy to \
train and hard to overfit. We study how the number of trees and the depth of each tree \
affect the error on clinical data. Experiments on records of two hundred patients show \
that shallow trees give the best balance between bias and variance. We also describe a \
fast way to estimate feature importance and discuss its limits.""",
    """This study examines the effect of temperature on the strength of concrete made with \
recycled aggregate. Samples were cured at four different temperatures for up to ninety \
days and then tested under compression. The strength increased with curing time at every \
temperature, but the samples cured in cold conditions remained weaker. We propose a \
simple model that predicts the final strength from the early results.""",
    """Support vector machines remain a strong baseline for text classification. We compare \
them with neural networks on short messages from social media and find that the simpler \
model performs as well when the training set is small. The neural network is better only \
when more than ten thousand labeled examples are available. We discuss what this means \
for practical systems with limited budgets.""",
    """Artificial intelligence is changing how doctors read medical images. We present a \
system that detects early signs of lung disease in chest scans and reports its \
confidence for each finding. In a test with three expert readers, the system found most \
of the cases that the experts found and missed few of them. The main source of error was \
poor image quality, which we address with a quality check before analysis.""",
    """Wireless sensor networks must save energy to run for a long time without new \
batteries. We propose a routing protocol that chooses the next node by its remaining \
energy and its distance to the base station. Simulations show that the network lives \
thirty percent longer than with the common protocol, while the delay of each message \
grows only slightly. The protocol is easy to add to existing devices.""",
    """We investigate the growth of thin films of zinc oxide on glass at low temperature. \
The films were deposited by a chemical method and then heated in air. X-ray measurements \
show that the crystal size increases with the heating time, and the optical gap becomes \
smaller. These films could serve as cheap transparent layers in solar cells. Further work \
is needed to improve their electrical conductivity.""",
    """Natural language processing tools often fail on text written by children. We \
collected a corpus of stories written by pupils aged eight to eleven and annotated the \
spelling and grammar errors in them. A standard parser made twice as many errors on this \
corpus as on newspaper text. Training on a small part of the corpus reduced the error \
rate by half, which shows the value of data from the target group.""",
    """Heart rate variability is an important signal of stress and health. We describe a \
low-cost wearable device that measures it during daily life and sends the data to a \
phone. In a study with forty healthy adults over two weeks, the device agreed closely \
with a clinical monitor at rest but less during exercise. We discuss how motion affects \
the signal and how future designs could correct for it.""",
    """Reinforcement learning can control complex systems, but it needs many trials to \
learn a good policy. We show that a model of the environment learned from a few \
examples can reduce the number of trials by an order of magnitude. The method was tested \
on the control of a small robot arm and on a heating system for a building. In both \
cases the learned policy reached the performance of a hand-tuned controller.""",
    """Soil erosion threatens farm land in many dry regions. We measured the loss of soil \
on twelve fields over three years and related it to the slope, the plant cover and the \
rainfall. The loss was largest on steep fields without cover after heavy storms. \
Planting grass strips along the contour lines reduced the loss by more than half. These \
results can help farmers choose simple and cheap measures.""",
    """Graph neural networks learn from data that has the form of a network, such as \
molecules or social groups. A known problem is that deep models of this kind make the \
features of all nodes too similar. We propose a simple change to the way information \
passes between nodes that keeps their features distinct. On four benchmark tasks the \
change improves accuracy and allows much deeper models to be trained.""",
    """Antibiotic resistance is a growing threat to public health. We analysed samples from \
the water of three rivers near large cities and found resistant bacteria in all of them. \
The number of resistant strains was highest downstream of hospitals and treatment \
plants. Our findings support stricter rules for waste water and regular monitoring of \
rivers that are used for drinking water.""",
    """Speech recognition systems work well for common languages but poorly for languages \
with little recorded data. We train a single model on many languages at once and then \
adapt it to a new language with only one hour of speech. The adapted model reduces the \
word error rate by a third compared with a model trained on the new language alone. We \
release the trained model for further research.""",
    """The demand for electric vehicles creates a need for better batteries. We test a new \
material for the positive electrode of lithium batteries and measure its capacity over \
five hundred cycles. The material keeps most of its capacity and charges faster than the \
usual material, but it is more expensive to produce. We estimate the cost at large scale \
and suggest ways to make production cheaper.""",
    """Online learning platforms collect detailed records of how students work. We use \
these records to predict which students are likely to fail a course early in the term. \
A simple model based on the number of finished exercises and the time spent on them \
predicts failure with good accuracy after only three weeks. Teachers who received these \
predictions were able to offer help to students at risk in time.""",
    """Small firms often find it hard to obtain credit from banks. Using survey data from \
three thousand firms, we study how the distance between a firm and the nearest bank \
branch affects the interest rate it pays. Firms that are far from a branch pay higher \
rates and are more likely to be refused a loan. The effect is stronger in rural areas \
and for young firms. We discuss how online lending could reduce this gap.""",
    """Climate change is expected to shift the range of many plant species towards higher \
ground. We compared records of alpine plants collected over the last century with new \
surveys on the same mountains. On average, species have moved up by about thirty \
metres, but some rare species have disappeared from the lower sites without moving up. \
Our results show that mountain plants may lose habitat faster than previously thought.""",
    """Sleep plays an important role in memory. We asked sixty students to learn a list of \
words in the evening and tested them the next morning. Students who slept for at least \
seven hours remembered more words than those who slept less, even when the total time \
between learning and test was the same. A short nap the next day did not make up for \
the lost sleep. These findings support advice on sleep for students before exams.""",
    """We report a simple method to remove heavy metals from waste water using a cheap \
material made from rice husks. The husks were burned at a controlled temperature and \
treated with a weak acid. In laboratory tests the material removed more than ninety \
percent of lead and copper from the water within one hour. The material can be used \
several times after washing, which makes it attractive for small treatment plants.""",
    """Many galaxies contain a massive black hole at their centre. We use new observations \
from a large radio telescope to measure the motion of gas near the centre of a nearby \
galaxy. The data show that the gas moves faster than expected from the visible stars \
alone, which requires a black hole with a mass of about one billion suns. We compare \
this estimate with earlier ones and discuss the sources of uncertainty.""",
    """Bridges must be inspected regularly to find damage before it becomes dangerous. We \
present a system that uses small sensors attached to the structure to detect changes \
in its vibration. In a test on a steel bridge over one year, the system detected a \
loose joint weeks before it was found by a visual inspection. The main difficulty was \
to separate the effect of damage from the effect of temperature on the measurements.""",
    """Passwords remain the most common way to protect online accounts, but many users choose \
weak ones. We analysed a large set of leaked passwords to find which rules make users \
choose stronger passwords. Long passwords made of several common words were as hard to \
guess as short random ones and much easier to remember. We recommend that services \
drop rules on special characters and require a minimum length instead.""",
    """Influenza spreads quickly in schools and then into the wider community. We built a \
model of contacts between children based on data from twenty schools and used it to \
test the effect of closing classes. Closing a single class when several children were \
ill reduced the number of cases almost as much as closing the whole school. The cost \
for families was much lower. Health officials could use this approach during \
outbreaks.""",
    """Children who grow up with two languages often mix them in one sentence. We recorded \
the speech of twenty bilingual children over two years and counted how often they \
switched language and where in the sentence they did so. Switches became less frequent \
with age but more regular, and they followed the grammar of both languages. This \
suggests that mixing is a skill rather than a sign of confusion.""",
    """The amount of salt in processed food is a major cause of high blood pressure. We \
measured the salt content of more than five hundred products sold in supermarkets and \
compared it with the values printed on the labels. About one product in five contained \
more salt than its label stated. Bread and ready meals were the main sources of salt \
in a typical diet. We call for better checks of food labels.""",
    """Floods in small rivers are hard to predict because they develop within a few hours. We \
combined rainfall data from weather radar with a simple model of the river basin to \
forecast the water level two hours ahead. In tests on ten past floods, the forecast \
was within twenty centimetres of the observed level in most cases. The method needs \
little data and could give towns more time to prepare.""",
    """Robots that work next to people must move safely and predictably. We propose a method \
that plans the motion of a robot arm so that it keeps a safe distance from a person \
while still finishing its task quickly. The method predicts the movement of the person \
from camera images. In experiments with ten volunteers, the robot finished its tasks \
only slightly slower than without a person present and never touched anyone.""",
    """Plastic waste in the ocean breaks down into small particles that are eaten by fish. We \
collected fish from five markets along the coast and examined the contents of their \
stomachs. Small plastic particles were found in more than a third of the fish, most \
often fibres from clothing. Fish caught near large cities contained more particles. \
The health effects for people who eat these fish are not yet known.""",
    """Data centres use a large share of the electricity in many countries. We study how the \
work of a data centre can be moved in time to hours when more wind and solar power is \
available. Using a year of real workload data, we show that about a quarter of the \
work can be delayed without harm to users. This would reduce the carbon emissions of \
the data centre by around fifteen percent at almost no cost.""",
    """Solar panels lose efficiency when dust settles on their surface. We measured the \
output of forty panels at a desert site over one year and compared panels cleaned every \
week with panels cleaned every month. Weekly cleaning raised the yearly energy yield by \
nine percent, which paid for the water and labour at current electricity prices. We \
give a simple rule for choosing the cleaning interval from local rainfall and dust data.""",
    """Machine translation systems often translate rare words poorly. We propose to split \
rare words into smaller units that the system has seen during training. On four \
language pairs the method improves translation quality, measured with a standard \
automatic score, and it reduces the number of unknown words in the output to almost \
zero. The largest gains appear for languages with long compound words.""",
    """Coral reefs are damaged when sea temperature stays high for several weeks. We combined \
satellite temperature records with field surveys of two hundred reefs to estimate how \
often bleaching occurred over the last thirty years. Bleaching events have become \
three times more frequent, and reefs now have less time to recover between them. \
Protecting reefs from local pollution may help them survive the warmer water.""",
    """Drivers who use a phone while driving react more slowly to danger. In a driving \
simulator, fifty volunteers drove the same route while talking, texting or doing \
nothing else. Texting doubled the time needed to brake when a car stopped suddenly in \
front of them, while talking had a smaller effect. Hands-free devices did not remove \
the delay. The results support strict limits on phone use in cars.""",
    """Fraud in online payments costs banks large sums every year. We train a classifier on \
millions of labelled transactions and add features that describe the recent behaviour \
of each customer. The model detects more fraud than the rules used by the bank at the \
same rate of false alarms. We also show that the model must be retrained every few \
weeks because the patterns of fraud change quickly.""",
    """Vaccination rates differ strongly between neighbouring towns. We surveyed parents in \
twelve towns about their trust in doctors, their access to clinics and the opinions \
of their friends. Trust and the opinions of friends explained most of the \
differences, while distance to the clinic mattered little. Campaigns that work \
through local community leaders may therefore be more effective than new clinics.""",
    """Cracks in steel pipes grow slowly under repeated pressure changes. We tested samples \
of pipe steel under cyclic loading and recorded the length of each crack with a camera. \
A simple growth law fitted the data well up to the point where the crack became \
unstable. Using this law, operators can estimate how long a damaged pipe can remain \
in service before it must be repaired.""",
    """Many patients stop taking their medicine too early. We sent daily text messages to \
three hundred patients with high blood pressure and compared them with patients who \
received no messages. After six months, patients in the message group took their \
medicine more regularly and had lower blood pressure on average. The messages were \
cheap to send, and most patients found them helpful.""",
    """Honey bees visit fewer flowers when they are exposed to some common pesticides. We \
placed small tags on the backs of bees and tracked them with readers at the entrance \
of the hive. Bees fed with a low dose of pesticide made fewer trips and returned with \
less pollen. Colonies exposed for a whole season grew more slowly and produced fewer \
new queens.""",
    """Recommender systems suggest products based on what similar users bought before. A \
known problem is that new products receive no recommendations because nobody has \
bought them yet. We use the text of product descriptions to place new products near \
similar old ones. In an online test, the share of sales from new products rose by a \
fifth without lowering total sales.""",
    """Groundwater levels are falling in many farming regions. We used measurements from \
five hundred wells over twenty years to model how pumping for irrigation affects the \
water table. Levels fell fastest where farmers grew crops that need much water, and \
they recovered only partly in wet years. Limits on pumping combined with more \
efficient irrigation could stop the decline within a decade.""",
    """Older adults often fall at home, and a fall can lead to serious injury. We tested a \
program of simple balance exercises that people can do in their kitchen. Two hundred \
adults over seventy were followed for a year. Those who did the exercises three times \
a week fell forty percent less often than those in the control group, and few \
stopped the program.""",
    """Image compression reduces the size of pictures so that they can be stored and sent \
cheaply. We train a neural network that learns to compress images and to rebuild \
them with little visible loss. At the same file size, our images look sharper than \
those of the standard format in a test with human viewers. Decoding is fast enough \
for use on mobile phones.""",
    """Noise from traffic affects the sleep of people who live near busy roads. We placed \
sound meters in one hundred bedrooms and asked the residents to keep a sleep diary \
for two weeks. People exposed to more night noise woke more often and felt less \
rested in the morning. Quiet road surfaces and better windows reduced the noise \
inside the rooms by a large amount.""",
    """Rice yields depend on the timing of planting relative to the rainy season. Using \
weather records and yield data from three hundred villages, we built a model that \
suggests the best planting date for each village. Farmers who followed the advice in \
a field trial harvested about twelve percent more rice. The advice was sent to their \
phones as a short message.""",
    """Software projects often finish late because their effort is hard to estimate. We \
collected data on two hundred completed projects and compared the estimates made at \
the start with the actual effort. Estimates were too low in most cases, especially \
for large projects. A simple correction based on project size reduced the average \
error by half.""",
    """The spread of a new plant disease can be slowed by removing infected trees early. We \
built a model of disease spread in orchards using data from aerial photographs. The \
model shows that checking trees every two weeks and removing sick ones at once keeps \
the infection to a small part of the orchard. Less frequent checks allow the disease \
to reach most trees within three years.""",
    """Students learn more when they test themselves than when they read the material \
again. We asked two groups of students to study a text about the human heart. One \
group read the text twice, the other read it once and then answered questions about \
it. A week later, the second group remembered much more of the text. Teachers can \
use short quizzes to improve learning at no cost.""",
    """Electric buses are quieter and cleaner than diesel buses, but their batteries limit \
the distance they can travel. We analysed the routes of a large city and the energy \
used by electric buses in winter and summer. Most routes can be served with one \
charge per day if the buses are charged at night. Cold weather raises energy use by a \
quarter because of heating.""",
    """Social media posts can reveal early signs of depression. We collected posts from \
volunteers who also completed a standard health questionnaire every month. Changes in \
the words people used, such as more words about themselves and fewer about others, \
came before higher scores on the questionnaire. Such signals could help doctors offer \
support earlier, but they raise serious questions of privacy.""",
)


def abstract_docs() -> list[Doc]:
    return [Doc(f"abstract/{i:02d}", "abstract", text + "\n") for i, text in enumerate(ABSTRACTS)]


def spin_abstract(doc: Doc, split: str | None, rate: float = 0.25) -> SpunDoc:
    """The paper-mill version of one abstract (deterministic)."""
    module = wordnet if stable_hash("abstract-spinner", doc.doc_id) % 2 else rare
    rng = random.Random(f"tortured:{doc.doc_id}")
    edits = module.spin(doc.text, rng, rate, split)
    return SpunDoc(
        doc.doc_id, "abstract", doc.text, apply_edits(doc.text, edits), tuple(edits),
        f"tortured/{module.NAME}",
    )  # fmt: skip
