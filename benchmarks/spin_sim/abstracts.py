"""Paper-mill style "tortured" abstracts: scientific abstracts synonym-spun by a thesaurus.

The abstracts below were written for this benchmark (original text, same licence
as the project); they imitate the register of machine learning, medicine, materials
and engineering papers.  A paper mill runs such a text through a thesaurus spinner
("deep learning" -> "profound learning"); here every odd abstract goes through the
WordNet sense spinner and every even one through the rare-synonym spinner, with
the families of the document's split only.
"""

from __future__ import annotations

import random
import zlib

from . import rare, wordnet
from .corpus import Doc
from .text import SpunDoc, apply_edits

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
)


def abstract_docs() -> list[Doc]:
    return [Doc(f"abstract/{i:02d}", "abstract", text + "\n") for i, text in enumerate(ABSTRACTS)]


def spin_abstract(doc: Doc, split: str | None, rate: float = 0.25) -> SpunDoc:
    """The paper-mill version of one abstract (deterministic)."""
    module = wordnet if zlib.crc32(doc.doc_id.encode()) % 2 else rare
    rng = random.Random(f"tortured:{doc.doc_id}")
    edits = module.spin(doc.text, rng, rate, split)
    return SpunDoc(
        doc.doc_id, "abstract", doc.text, apply_edits(doc.text, edits), tuple(edits),
        f"tortured/{module.NAME}",
    )  # fmt: skip
