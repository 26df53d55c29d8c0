/* pocketsphinx's n-gram look-up without its Python wrapper (issue 14).
 *
 * ``NGramModel.prob(words)`` of the pocketsphinx binding encodes each word to a new bytes
 * object, allocates a pointer array and calls the library's C function
 * ``ngram_prob(model, words, n)``.  ``Prob(model, library)`` calls that same C function on
 * the same C model (the one the binding loaded: no second copy in memory) with each word's
 * UTF-8 bytes as Python keeps them, so ``Prob(model, lib)(words) == model.prob(words)``
 * for every list of str (anything else goes to ``model.prob`` itself).  ``api()`` gives
 * the function and the model to other compiled modules in a capsule (_lmprob.h), so that
 * repair/score/_spingains.c calls it with no Python call at all.
 *
 * The C model is read from the binding's object: a Cython extension type laid out as
 * PyObject_HEAD, its vtable pointer, then ``ngram_model_t *lm`` (pocketsphinx 5's
 * cython/_pocketsphinx.pyx).  ``Prob`` refuses (ValueError) unless the type is called
 * NGramModel, has exactly that size, comes from the library that exports ``ngram_prob``,
 * and the pointer's ``ngram_model_get_size`` equals ``model.size()``;
 * repair/resources/lm.py then also compares a few look-ups with ``model.prob`` and falls
 * back to the binding on any doubt.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "_lmprob.h"

/* longer lists (never asked for: the model is a trigram model) go to model.prob */
#define MAX_WORDS 8

typedef int32_t (*get_size_fn)(void *model);

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    LmProbApi api;
    PyObject *model;    /* the binding's NGramModel: keeps the C model alive */
    PyObject *fallback; /* model.prob */
} ProbObject;

static PyObject *prob_vectorcall(PyObject *obj, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames) {
    ProbObject *self = (ProbObject *)obj;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf), n, i;
    PyObject *words, **items;
    const char *cwords[MAX_WORDS];
    if (nargs == 1 && kwnames == NULL) {
        words = args[0];
        if (PyList_CheckExact(words) || PyTuple_CheckExact(words)) {
            n = PySequence_Fast_GET_SIZE(words);
            items = PySequence_Fast_ITEMS(words);
            if (n >= 1 && n <= MAX_WORDS) {
                for (i = 0; i < n; i++) {
                    if (!PyUnicode_CheckExact(items[i])) break;
                }
                if (i == n) {
                    for (i = 0; i < n; i++) {
                        Py_ssize_t size;
                        /* the str's own UTF-8 (kept in the object); a lone surrogate
                         * raises UnicodeEncodeError as str.encode does */
                        cwords[i] = PyUnicode_AsUTF8AndSize(items[i], &size);
                        if (cwords[i] == NULL) return NULL;
                    }
                    return PyLong_FromLong(
                        (long)self->api.prob(self->api.model, cwords, (int32_t)n));
                }
            }
        }
    }
    return PyObject_Vectorcall(self->fallback, args, nargsf, kwnames);
}

/* sequence(words, h1, h2, lb, unk) -> float: LanguageModel.sequence_logprob's loop, step
 * for step: each word lower-cased by its own ``lower`` method, looked up after the two
 * words before it (h1, h2: the lower-cased history, None where there is none), its raw
 * score r scaled as ``unk if r <= -1e8 else max(r * lb, unk)`` and added left to right
 * (setup.py builds this file with -ffp-contract=off: no product fused into the sum). */
static PyObject *prob_sequence(PyObject *obj, PyObject *const *args, Py_ssize_t nargs) {
    ProbObject *self = (ProbObject *)obj;
    PyObject *it, *w, *low = NULL, *h1, *h2, *keep1 = NULL, *keep2 = NULL;
    double lb, unk, total = 0.0;
    static PyObject *lower_name = NULL;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "sequence(words, h1, h2, lb, unk)");
        return NULL;
    }
    if (lower_name == NULL) {
        lower_name = PyUnicode_InternFromString("lower");
        if (lower_name == NULL) return NULL;
    }
    h1 = args[1] == Py_None ? NULL : args[1];
    h2 = args[2] == Py_None ? NULL : args[2];
    if (h2 != NULL && h1 == NULL) {
        PyErr_SetString(PyExc_ValueError, "h2 without h1");
        return NULL;
    }
    lb = PyFloat_AsDouble(args[3]);
    unk = PyFloat_AsDouble(args[4]);
    if (PyErr_Occurred()) return NULL;
    /* the history words are held here while they are used (h1, h2 borrowed from args) */
    Py_XINCREF(h1);
    Py_XINCREF(h2);
    keep1 = h1;
    keep2 = h2;
    it = PyObject_GetIter(args[0]);
    if (it == NULL) goto fail;
    while ((w = PyIter_Next(it)) != NULL) {
        const char *cw[3];
        Py_ssize_t size, n = h2 != NULL ? 3 : (h1 != NULL ? 2 : 1), i;
        PyObject *ws[3];
        double raw, v;
        low = PyObject_CallMethodNoArgs(w, lower_name);
        Py_DECREF(w);
        if (low == NULL) goto fail;
        ws[0] = low;
        ws[1] = h1;
        ws[2] = h2;
        for (i = 0; i < n; i++) {
            if (!PyUnicode_CheckExact(ws[i])) break;
            cw[i] = PyUnicode_AsUTF8AndSize(ws[i], &size);
            if (cw[i] == NULL) goto fail;
        }
        if (i == n) {
            raw = (double)self->api.prob(self->api.model, cw, (int32_t)n);
        } else { /* a str subclass (or worse): the binding, as the Python loop would */
            PyObject *lst = PyList_New(n), *r;
            if (lst == NULL) goto fail;
            for (i = 0; i < n; i++) {
                Py_INCREF(ws[i]);
                PyList_SET_ITEM(lst, i, ws[i]);
            }
            r = PyObject_CallOneArg(self->fallback, lst);
            Py_DECREF(lst);
            if (r == NULL) goto fail;
            raw = PyFloat_AsDouble(r);
            Py_DECREF(r);
            if (raw == -1.0 && PyErr_Occurred()) goto fail;
        }
        if (raw <= -100000000.0) {
            v = unk;
        } else {
            v = raw * lb;
            if (v < unk) v = unk; /* max(v, unk): v unless unk is greater */
        }
        total += v;
        /* h2, h1 = h1, low */
        Py_XDECREF(keep2);
        keep2 = keep1;
        keep1 = low;
        low = NULL;
        h2 = keep2;
        h1 = keep1;
    }
    Py_DECREF(it);
    it = NULL;
    if (PyErr_Occurred()) goto fail;
    Py_XDECREF(keep1);
    Py_XDECREF(keep2);
    return PyFloat_FromDouble(total);
fail:
    Py_XDECREF(it);
    Py_XDECREF(low);
    Py_XDECREF(keep1);
    Py_XDECREF(keep2);
    return NULL;
}

static int ends_with(const char *s, const char *tail) {
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

static PyObject *prob_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *model, *lib_obj, *size_obj;
    PyTypeObject *mt;
    const char *lib;
    void *handle, *lm, *prob_sym, *size_sym;
    Dl_info a, b;
    long want, got;
    ProbObject *self;
    if (kwds != NULL && PyDict_GET_SIZE(kwds)) {
        PyErr_SetString(PyExc_TypeError, "Prob(model, library) takes no keywords");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "OU", &model, &lib_obj)) return NULL;
    mt = Py_TYPE(model);
    if (!ends_with(mt->tp_name, "NGramModel") ||
        mt->tp_basicsize != (Py_ssize_t)(sizeof(PyObject) + 2 * sizeof(void *))) {
        PyErr_SetString(PyExc_ValueError, "not a pocketsphinx 5 NGramModel");
        return NULL;
    }
    lib = PyUnicode_AsUTF8(lib_obj);
    if (lib == NULL) return NULL;
    handle = dlopen(lib, RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) {
        PyErr_SetString(PyExc_ValueError, "the pocketsphinx library is not loaded");
        return NULL;
    }
    prob_sym = dlsym(handle, "ngram_prob");
    size_sym = dlsym(handle, "ngram_model_get_size");
    /* the type must come from the library whose functions are called */
    if (prob_sym == NULL || size_sym == NULL || !dladdr(prob_sym, &a) ||
        !dladdr((void *)mt, &b) || a.dli_fbase != b.dli_fbase) {
        dlclose(handle);
        PyErr_SetString(PyExc_ValueError, "ngram_prob not found beside NGramModel");
        return NULL;
    }
    /* the handle stays open (the binding holds the library anyway) */
    lm = *(void **)((char *)model + sizeof(PyObject) + sizeof(void *));
    if (lm == NULL) {
        PyErr_SetString(PyExc_ValueError, "the NGramModel has no model");
        return NULL;
    }
    size_obj = PyObject_CallMethod(model, "size", NULL);
    if (size_obj == NULL) return NULL;
    want = PyLong_AsLong(size_obj);
    Py_DECREF(size_obj);
    if (want == -1 && PyErr_Occurred()) return NULL;
    got = (long)((get_size_fn)size_sym)(lm);
    if (got != want) {
        PyErr_SetString(PyExc_ValueError, "the NGramModel's layout is not the expected one");
        return NULL;
    }
    self = (ProbObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    self->fallback = PyObject_GetAttrString(model, "prob");
    if (self->fallback == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->vectorcall = prob_vectorcall;
    self->api.model = lm;
    self->api.prob = (lmprob_ngram_prob_fn)prob_sym;
    /* ngram_prob's own two steps, from the same library (NULL when either is missing) */
    {
        void *wid_sym = dlsym(handle, "ngram_wid"), *ng_sym = dlsym(handle, "ngram_ng_prob");
        Dl_info c, d;
        if (wid_sym != NULL && ng_sym != NULL && dladdr(wid_sym, &c) && dladdr(ng_sym, &d) &&
            c.dli_fbase == a.dli_fbase && d.dli_fbase == a.dli_fbase) {
            self->api.wid = (lmprob_ngram_wid_fn)wid_sym;
            self->api.ng_prob = (lmprob_ngram_ng_prob_fn)ng_sym;
        } else {
            self->api.wid = NULL;
            self->api.ng_prob = NULL;
        }
    }
    Py_INCREF(model);
    self->model = model;
    return (PyObject *)self;
}

static void prob_dealloc(ProbObject *self) {
    Py_XDECREF(self->model);
    Py_XDECREF(self->fallback);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static void capsule_release(PyObject *capsule) {
    Py_XDECREF((PyObject *)PyCapsule_GetContext(capsule));
}

/* api() -> a capsule (LMPROB_CAPSULE) of this object's LmProbApi; it holds the object */
static PyObject *prob_api(PyObject *obj, PyObject *unused) {
    ProbObject *self = (ProbObject *)obj;
    PyObject *cap = PyCapsule_New(&self->api, LMPROB_CAPSULE, capsule_release);
    if (cap == NULL) return NULL;
    if (PyCapsule_SetContext(cap, obj) != 0) {
        Py_DECREF(cap);
        return NULL;
    }
    Py_INCREF(obj);
    return cap;
}

static PyMethodDef prob_methods[] = {
    {"sequence", (PyCFunction)(void (*)(void))prob_sequence, METH_FASTCALL,
     "sequence(words, h1, h2, lb, unk) -> LanguageModel.sequence_logprob's sum"},
    {"api", prob_api, METH_NOARGS,
     "api() -> capsule of (model, ngram_prob) for compiled callers (_lmprob.h)"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ProbType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "repair.resources._lmprob.Prob",
    .tp_basicsize = sizeof(ProbObject),
    .tp_dealloc = (destructor)prob_dealloc,
    .tp_vectorcall_offset = offsetof(ProbObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Prob(model, library): model.prob(words) through pocketsphinx's C ngram_prob",
    .tp_methods = prob_methods,
    .tp_new = prob_new,
};

/* ---- Variant(base, variant_of, penalty): repair.score.ocr_variantlm._VariantProb, compiled
 * (issue 14, session 59).  ``Variant(base, v, penalty)(gram)`` is, step for step,
 *
 *     mapped = [v(w) or w for w in gram]
 *     raw = base(mapped)
 *     if mapped[0] is not gram[0] and raw > -100_000_000:
 *         raw -= penalty
 *     return raw
 *
 * with the same calls of ``v`` (the module's memoised ``variant_of``) and ``base`` on the
 * same objects, and the comparison and subtraction made by Python's own number protocol:
 * the same ints for every gram.  A gram that is not a list or tuple goes through the same
 * steps by iteration. */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyObject *base;    /* the model's prob */
    PyObject *variant; /* ocr_variantlm.variant_of */
    PyObject *penalty; /* an int */
    PyObject *unknown; /* the int -100_000_000 */
} VariantObject;

static PyObject *variant_vectorcall(PyObject *obj, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames) {
    VariantObject *self = (VariantObject *)obj;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf), n, i;
    PyObject *seq, *mapped, *raw, *first = NULL;
    int above;
    if (nargs != 1 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "Variant(gram) takes one argument");
        return NULL;
    }
    seq = PySequence_Fast(args[0], "Variant: the gram must be iterable");
    if (seq == NULL) return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    mapped = PyList_New(n);
    if (mapped == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *m = PyObject_CallOneArg(self->variant, w);
        int truth;
        if (m == NULL) goto fail;
        truth = PyObject_IsTrue(m);
        if (truth < 0) {
            Py_DECREF(m);
            goto fail;
        }
        if (!truth) { /* ``v(w) or w`` */
            Py_DECREF(m);
            Py_INCREF(w);
            m = w;
        }
        PyList_SET_ITEM(mapped, i, m);
    }
    raw = PyObject_CallOneArg(self->base, mapped);
    if (raw == NULL) goto fail;
    /* ``mapped[0] is not gram[0]``: an empty gram raises IndexError there, as here */
    if (n == 0) {
        Py_DECREF(raw);
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        goto fail;
    }
    first = PySequence_Fast_GET_ITEM(seq, 0);
    if (PyList_GET_ITEM(mapped, 0) != first) {
        above = PyObject_RichCompareBool(raw, self->unknown, Py_GT);
        if (above < 0) {
            Py_DECREF(raw);
            goto fail;
        }
        if (above) {
            PyObject *less = PyNumber_InPlaceSubtract(raw, self->penalty);
            Py_DECREF(raw);
            if (less == NULL) goto fail;
            raw = less;
        }
    }
    Py_DECREF(mapped);
    Py_DECREF(seq);
    return raw;
fail:
    Py_DECREF(mapped);
    Py_DECREF(seq);
    return NULL;
}

static PyObject *variant_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *base, *variant, *penalty;
    VariantObject *self;
    if (kwds != NULL && PyDict_GET_SIZE(kwds)) {
        PyErr_SetString(PyExc_TypeError, "Variant(base, variant_of, penalty) takes no keywords");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "OOO", &base, &variant, &penalty)) return NULL;
    self = (VariantObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    self->unknown = PyLong_FromLong(-100000000L);
    if (self->unknown == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    Py_INCREF(base);
    Py_INCREF(variant);
    Py_INCREF(penalty);
    self->base = base;
    self->variant = variant;
    self->penalty = penalty;
    self->vectorcall = variant_vectorcall;
    return (PyObject *)self;
}

static void variant_dealloc(VariantObject *self) {
    Py_XDECREF(self->base);
    Py_XDECREF(self->variant);
    Py_XDECREF(self->penalty);
    Py_XDECREF(self->unknown);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef variant_members[] = {
    {"base", T_OBJECT, offsetof(VariantObject, base), READONLY, "the model's prob"},
    {"penalty", T_OBJECT, offsetof(VariantObject, penalty), READONLY, "the raw penalty"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject VariantType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "repair.resources._lmprob.Variant",
    .tp_basicsize = sizeof(VariantObject),
    .tp_dealloc = (destructor)variant_dealloc,
    .tp_vectorcall_offset = offsetof(VariantObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Variant(base, variant_of, penalty): ocr_variantlm._VariantProb compiled",
    .tp_members = variant_members,
    .tp_new = variant_new,
};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_lmprob",
                                       "pocketsphinx's ngram_prob, called directly", -1, NULL};

PyMODINIT_FUNC PyInit__lmprob(void) {
    PyObject *m;
    if (PyType_Ready(&ProbType) < 0) return NULL;
    if (PyType_Ready(&VariantType) < 0) return NULL;
    m = PyModule_Create(&moduledef);
    if (m == NULL) return NULL;
    Py_INCREF(&ProbType);
    if (PyModule_AddObject(m, "Prob", (PyObject *)&ProbType) < 0) {
        Py_DECREF(&ProbType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&VariantType);
    if (PyModule_AddObject(m, "Variant", (PyObject *)&VariantType) < 0) {
        Py_DECREF(&VariantType);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "CAPSULE", LMPROB_CAPSULE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
