/* The LM part of the spin stage's candidate tables (issue 14), compiled.
 *
 * repair.score.spin_evidence._gains, step for step: the same n-gram look-ups through the
 * model's own ``prob`` (pocketsphinx; or, handed the capsule of _lmprob.c, the C function
 * ngram_prob that ``prob`` calls), in the same order, the same float operations
 * (a raw score r scaled as ``unk if r <= -1e8 else max(r * lb, unk)``, sums left to
 * right; setup.py builds it with -ffp-contract=off so that no product is fused into a
 * sum), the same orders (candidates by first-word score, best first, ties by the later
 * index first; read rows by (-gain, index)).  What it saves is the interpreter's work
 * around the ~40 look-ups a word.  repair.score.spin_evidence picks it when built (COMPILED_GAINS).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>

#include "../resources/_lmprob.h"

#define MAX_ROWS 64

static double FLOOR_RAW = -100000000.0;

typedef struct {
    double score;
    Py_ssize_t k;
} First;

typedef struct {
    double neg; /* -gain */
    Py_ssize_t k;
    double lp1;
} Row;

/* The n-gram look-up: pocketsphinx's ngram_prob called directly when gains() was handed
 * the capsule of repair/resources/_lmprob.c (the same C function the binding's prob
 * calls, on the same words: the same int), else the Python callable ``prob``.  With
 * ``ids`` (spin_evidence.WORD_IDS) and the capsule's ngram_wid / ngram_ng_prob, each word's
 * id is found once a call and every look-up goes to ngram_ng_prob on the ids: what
 * ngram_prob does itself (an id per word, then ngram_ng_prob(model, id, history ids, n - 1),
 * its history in a fresh array each time), without its allocation and its n hash
 * look-ups of strings per look-up: the same int. */
typedef struct {
    const LmProbApi *api; /* NULL: call py */
    PyObject *py;
    int ids;  /* look up on word ids (api->wid and api->ng_prob) */
    int memo; /* each str's id kept in wid_memo (spin_evidence.WID_MEMO) */
} Lm;

/* The word ids found (spin_evidence.WID_MEMO, session 63): str -> id for the model
 * wid_model.  ngram_wid hashes the word's UTF-8 in pocketsphinx's own table (a
 * case-folding hash and a string compare: ~2 % of an unknown spinner's run, for the ~25
 * words of each table, most of them read by every reading of the word); a dict of the str
 * (its hash kept in the object) gives the same id, found once per word and model.  Only
 * exact str (no subclass); emptied past WID_MEMO_MAX words or when another model asks. */
#define WID_MEMO_MAX 1000000
static PyObject *wid_memo = NULL;
static const void *wid_model = NULL;

/* A word of the call: the str, and its id when the look-ups read ids. */
typedef struct {
    PyObject *o;
    int32_t wid;
} Word;

/* prob([a]), prob([a, b]) or prob([a, b, c]) as a double; sets *err on failure. */
static double call_prob(const Lm *lm, PyObject *a, PyObject *b, PyObject *c, int *err) {
    Py_ssize_t n = c ? 3 : (b ? 2 : 1);
    PyObject *lst, *r;
    double v;
    if (lm->api != NULL) {
        PyObject *w[3] = {a, b, c};
        const char *cw[3];
        Py_ssize_t i, size;
        for (i = 0; i < n; i++) {
            if (!PyUnicode_Check(w[i])) {
                PyErr_SetString(PyExc_TypeError, "words must be str");
                *err = 1;
                return 0.0;
            }
            cw[i] = PyUnicode_AsUTF8AndSize(w[i], &size);
            if (cw[i] == NULL) {
                *err = 1;
                return 0.0;
            }
        }
        return (double)lm->api->prob(lm->api->model, cw, (int32_t)n);
    }
    lst = PyList_New(n);
    if (lst == NULL) {
        *err = 1;
        return 0.0;
    }
    Py_INCREF(a);
    PyList_SET_ITEM(lst, 0, a);
    if (b) {
        Py_INCREF(b);
        PyList_SET_ITEM(lst, 1, b);
    }
    if (c) {
        Py_INCREF(c);
        PyList_SET_ITEM(lst, 2, c);
    }
    r = PyObject_CallOneArg(lm->py, lst);
    Py_DECREF(lst);
    if (r == NULL) {
        *err = 1;
        return 0.0;
    }
    v = PyFloat_AsDouble(r); /* an int below 2^53: exact, as int * float converts it */
    Py_DECREF(r);
    if (v == -1.0 && PyErr_Occurred()) *err = 1;
    return v;
}

/* The word o (NULL: none), with its id when lm->ids; -1 on failure (not a str). */
static int word_of(const Lm *lm, PyObject *o, Word *w) {
    const char *c;
    Py_ssize_t size;
    w->o = o;
    w->wid = 0;
    if (o == NULL || !lm->ids) return 0;
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "words must be str");
        return -1;
    }
    if (lm->memo && PyUnicode_CheckExact(o)) {
        PyObject *v;
        int rc;
        if (wid_memo == NULL) {
            wid_memo = PyDict_New();
            if (wid_memo == NULL) return -1;
            wid_model = lm->api->model;
        } else if (wid_model != lm->api->model) {
            PyDict_Clear(wid_memo);
            wid_model = lm->api->model;
        }
        v = PyDict_GetItemWithError(wid_memo, o); /* borrowed */
        if (v != NULL) {
            w->wid = (int32_t)PyLong_AsLong(v);
            return 0;
        }
        if (PyErr_Occurred()) return -1;
        c = PyUnicode_AsUTF8AndSize(o, &size);
        if (c == NULL) return -1;
        w->wid = lm->api->wid(lm->api->model, c);
        if (PyDict_GET_SIZE(wid_memo) >= WID_MEMO_MAX) PyDict_Clear(wid_memo);
        v = PyLong_FromLong((long)w->wid);
        if (v == NULL) return -1;
        rc = PyDict_SetItem(wid_memo, o, v);
        Py_DECREF(v);
        return rc < 0 ? -1 : 0;
    }
    c = PyUnicode_AsUTF8AndSize(o, &size);
    if (c == NULL) return -1;
    w->wid = lm->api->wid(lm->api->model, c);
    return 0;
}

/* prob([a, b, c]) of words (b, c NULL: shorter), on the ids when lm->ids. */
static double call_word(const Lm *lm, const Word *a, const Word *b, const Word *c, int *err) {
    if (lm->ids) {
        int32_t hist[2] = {0, 0}, n_used = 0, n_hist = c ? 2 : (b ? 1 : 0);
        if (b) hist[0] = b->wid;
        if (c) hist[1] = c->wid;
        return (double)lm->api->ng_prob(lm->api->model, a->wid, hist, n_hist, &n_used);
    }
    return call_prob(lm, a->o, b ? b->o : NULL, c ? c->o : NULL, err);
}

static inline double scaled(double r, double lb, double unk) {
    double v;
    if (r <= FLOOR_RAW) return unk;
    v = r * lb;
    return v >= unk ? v : unk;
}

/* first: best score first, ties by the later index first (sorted(..., reverse=True)) */
static int first_before(const First *x, const First *y) {
    if (x->score != y->score) return x->score > y->score;
    return x->k > y->k;
}

/* rows: by (-gain, index) ascending (the indices differ) */
static int row_before(const Row *x, const Row *y) {
    if (x->neg != y->neg) return x->neg < y->neg;
    return x->k < y->k;
}

/* gains(prob, s, h1, h2, lows, rl, min_left, window, lb, unk[, ids[, memo[, held_lows,
 *       held_vals]]])
 *   -> None or (s_hist, [(-gain, index, first-word score), ...], top, cut)
 * With held_lows and held_vals (spin_evidence.CONTEXT_MEMO: None, None or an earlier call's
 * lows and vals in the same context) it returns (s_hist, rows, top, cut, vals): vals the
 * bytes of two doubles a candidate, its first-word score and its right-context sum (NaN
 * where the loop stopped before it); a candidate at the same place of held_lows is read
 * from held_vals instead of looked up: the same doubles (a function of the context). */
static PyObject *gains_entry(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *prob, *s, *h1, *h2, *lows, *rl, *min_left_obj;
    double window, lb, unk, s_hist, base, top, cut, min_left = 0.0;
    Py_ssize_t n_lows, n_right, k, i, j, n_rows = 0;
    First first[MAX_ROWS];
    Row rows[MAX_ROWS];
    Word ws, wh1, wh2, wl[MAX_ROWS], *wr = NULL;
    int err = 0, has_min, ids = 0, memo = 0, held = 0;
    PyObject *out = NULL, *list = NULL, *held_lows = NULL, *vals_obj = NULL;
    const double *held_vals = NULL;
    double *vals = NULL; /* the (first-word score, right-context sum) of each candidate */
    Py_ssize_t n_held = 0;
    char known[MAX_ROWS]; /* 1: the held values of lows[k] are read; 2: its sum too */
    Lm lm;
    if (nargs < 10 || nargs > 14 || nargs == 13) {
        PyErr_SetString(PyExc_TypeError, "gains(prob, s, h1, h2, lows, rl, min_left, window, "
                                         "lb, unk[, ids[, memo[, held_lows, held_vals]]])");
        return NULL;
    }
    prob = args[0];
    lm.py = prob;
    lm.api = PyCapsule_IsValid(prob, LMPROB_CAPSULE)
                 ? (const LmProbApi *)PyCapsule_GetPointer(prob, LMPROB_CAPSULE)
                 : NULL;
    if (nargs >= 11) {
        ids = PyObject_IsTrue(args[10]);
        if (ids < 0) return NULL;
    }
    if (nargs >= 12) {
        memo = PyObject_IsTrue(args[11]);
        if (memo < 0) return NULL;
    }
    lm.ids = ids && lm.api != NULL && lm.api->wid != NULL && lm.api->ng_prob != NULL;
    lm.memo = lm.ids && memo;
    if (nargs == 14) { /* spin_evidence.CONTEXT_MEMO: the held values of this context */
        held = 1;
        if (args[12] != Py_None) {
            Py_ssize_t nb;
            if (!PyTuple_Check(args[12]) || !PyBytes_Check(args[13])) {
                PyErr_SetString(PyExc_TypeError, "held_lows must be a tuple and held_vals bytes");
                return NULL;
            }
            held_lows = args[12];
            n_held = PyTuple_GET_SIZE(held_lows);
            nb = PyBytes_GET_SIZE(args[13]);
            if (nb != n_held * 2 * (Py_ssize_t)sizeof(double)) {
                PyErr_SetString(PyExc_ValueError, "held_vals must hold two doubles a held word");
                return NULL;
            }
            held_vals = (const double *)PyBytes_AS_STRING(args[13]);
        }
    }
    s = args[1];
    h1 = args[2] == Py_None ? NULL : args[2];
    h2 = args[3] == Py_None ? NULL : args[3];
    lows = args[4];
    rl = args[5];
    min_left_obj = args[6];
    if (!PyTuple_Check(lows) || !PyList_Check(rl)) {
        PyErr_SetString(PyExc_TypeError, "lows must be a tuple and rl a list");
        return NULL;
    }
    has_min = min_left_obj != Py_None;
    if (has_min) {
        min_left = PyFloat_AsDouble(min_left_obj);
        if (min_left == -1.0 && PyErr_Occurred()) return NULL;
    }
    window = PyFloat_AsDouble(args[7]);
    lb = PyFloat_AsDouble(args[8]);
    unk = PyFloat_AsDouble(args[9]);
    if (PyErr_Occurred()) return NULL;
    if (h2 != NULL && h1 == NULL) {
        PyErr_SetString(PyExc_ValueError, "h2 without h1");
        return NULL;
    }
    n_lows = PyTuple_GET_SIZE(lows);
    if (n_lows > MAX_ROWS) {
        PyErr_SetString(PyExc_ValueError, "too many candidates");
        return NULL;
    }
    n_right = PyList_GET_SIZE(rl);
    /* a held word is read from held_vals where it stands at the same place of the held
     * list (the readings' lists share their first candidates): the same doubles */
    for (k = 0; k < n_lows; k++) {
        known[k] = 0;
        if (k < n_held) {
            PyObject *a = PyTuple_GET_ITEM(lows, k), *b = PyTuple_GET_ITEM(held_lows, k);
            int eq = a == b;
            if (!eq && PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b)) {
                eq = PyUnicode_Compare(a, b) == 0;
                if (eq == 0 && PyErr_Occurred()) return NULL;
            }
            if (eq) known[k] = isnan(held_vals[2 * k + 1]) ? 1 : 2;
        }
    }
    if (held) {
        vals_obj = PyBytes_FromStringAndSize(NULL, n_lows * 2 * (Py_ssize_t)sizeof(double));
        if (vals_obj == NULL) return NULL;
        vals = (double *)PyBytes_AS_STRING(vals_obj);
        for (k = 0; k < 2 * n_lows; k++) vals[k] = NAN;
    }
    wr = (Word *)PyMem_Malloc(sizeof(Word) * (n_right ? n_right : 1));
    if (wr == NULL) {
        Py_XDECREF(vals_obj);
        return PyErr_NoMemory();
    }
    /* every word of the call (its id found once when lm.ids) */
    if (word_of(&lm, s, &ws) < 0 || word_of(&lm, h1, &wh1) < 0 || word_of(&lm, h2, &wh2) < 0)
        goto fail;
    for (k = 0; k < n_lows; k++)
        if (word_of(&lm, PyTuple_GET_ITEM(lows, k), &wl[k]) < 0) goto fail;
    for (i = 0; i < n_right; i++)
        if (word_of(&lm, PyList_GET_ITEM(rl, i), &wr[i]) < 0) goto fail;
    {
        const Word *p1 = h1 ? &wh1 : NULL, *p2 = h2 ? &wh2 : NULL;
        /* ln P(w | left) as LanguageModel.logprob(w, hist) reads it */
        s_hist = scaled(call_word(&lm, &ws, p1, p2, &err), lb, unk);
        if (err) goto fail;
        for (k = 0; k < n_lows; k++) {
            if (known[k]) {
                first[k].score = held_vals[2 * k];
            } else {
                double r = call_word(&lm, &wl[k], p1, p2, &err);
                if (err) goto fail;
                first[k].score = scaled(r, lb, unk);
            }
            first[k].k = k;
            if (vals != NULL) {
                vals[2 * k] = first[k].score;
                if (known[k] == 2) vals[2 * k + 1] = held_vals[2 * k + 1];
            }
        }
    }
    for (i = 1; i < n_lows; i++) { /* insertion sort: stable, a total order here */
        First x = first[i];
        j = i - 1;
        while (j >= 0 && first_before(&x, &first[j])) {
            first[j + 1] = first[j];
            j--;
        }
        first[j + 1] = x;
    }
    if (has_min && (n_lows == 0 || first[0].score - s_hist < min_left)) {
        PyMem_Free(wr);
        Py_XDECREF(vals_obj);
        Py_RETURN_NONE;
    }
    /* base = sequence_logprob([s, *right], left) */
    base = 0.0;
    base += s_hist;
    {
        const Word *a1 = &ws, *a2 = h1 ? &wh1 : NULL;
        for (i = 0; i < n_right; i++) {
            double r = call_word(&lm, &wr[i], a1, a2, &err);
            if (err) goto fail;
            base += scaled(r, lb, unk);
            a2 = a1;
            a1 = &wr[i];
        }
    }
    top = -1e9;
    cut = top - window;
    for (i = 0; i < n_lows; i++) {
        double lp1 = first[i].score, seq = 0.0, g, r;
        const Word *lo;
        k = first[i].k;
        if (lp1 - base < cut) break;
        if (known[k] == 2) {
            seq = held_vals[2 * k + 1];
        } else if (n_right) {
            lo = &wl[k];
            r = call_word(&lm, &wr[0], lo, h1 ? &wh1 : NULL, &err);
            if (err) goto fail;
            seq += scaled(r, lb, unk);
            if (n_right >= 2) {
                const Word *b1, *b2;
                r = call_word(&lm, &wr[1], &wr[0], lo, &err);
                if (err) goto fail;
                seq += scaled(r, lb, unk);
                b1 = &wr[1];
                b2 = &wr[0];
                for (j = 2; j < n_right; j++) {
                    r = call_word(&lm, &wr[j], b1, b2, &err);
                    if (err) goto fail;
                    seq += scaled(r, lb, unk);
                    b2 = b1;
                    b1 = &wr[j];
                }
            }
        }
        if (vals != NULL) vals[2 * k + 1] = seq;
        g = (lp1 + seq) - base;
        if (g > top) {
            top = g;
            cut = top - window;
        }
        rows[n_rows].neg = -g;
        rows[n_rows].k = k;
        rows[n_rows].lp1 = lp1;
        n_rows++;
    }
    PyMem_Free(wr);
    wr = NULL;
    for (i = 1; i < n_rows; i++) {
        Row x = rows[i];
        j = i - 1;
        while (j >= 0 && row_before(&x, &rows[j])) {
            rows[j + 1] = rows[j];
            j--;
        }
        rows[j + 1] = x;
    }
    list = PyList_New(n_rows);
    if (list == NULL) {
        Py_XDECREF(vals_obj);
        return NULL;
    }
    for (i = 0; i < n_rows; i++) {
        PyObject *t = Py_BuildValue("(dnd)", rows[i].neg, rows[i].k, rows[i].lp1);
        if (t == NULL) {
            Py_DECREF(list);
            Py_XDECREF(vals_obj);
            return NULL;
        }
        PyList_SET_ITEM(list, i, t);
    }
    if (held) return Py_BuildValue("(dNddN)", s_hist, list, top, cut, vals_obj);
    out = Py_BuildValue("(dNdd)", s_hist, list, top, cut);
    return out;
fail:
    PyMem_Free(wr);
    Py_XDECREF(vals_obj);
    return NULL;
}


#define N_WEIGHTS 16

static inline double clip(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
}

/* fill(gains, cut, top, s_hist, statics, origs, counts, n, weights, bias, clip)
 *   -> (names, bytes of doubles, best): spin_evidence._packed_filler's generated loop.
 * Each read row (gain, ranker score, unigram, left gain, source rank) as five doubles;
 * the score is bias + (0.0 + w0 * x0 + w1 * x1 + ...), added left to right. */
static PyObject *fill_entry(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *gains, *statics, *origs, *counts, *weights, *names = NULL, *buf = NULL;
    PyObject *zero = NULL, *out = NULL;
    double cut, top, s_hist, bias, c_hi, c_lo, w[N_WEIGHTS], best = 0.0, order = 0.0;
    Py_ssize_t n, m, i, best_j = 0, j = 0, n_statics;
    int has_best = 0, packed;
    double *data;
    if (nargs != 11) {
        PyErr_SetString(PyExc_TypeError, "fill(gains, cut, top, s_hist, statics, origs, "
                                         "counts, n, weights, bias, clip)");
        return NULL;
    }
    gains = args[0];
    statics = args[4];
    origs = args[5];
    counts = args[6];
    weights = args[8];
    /* statics: a tuple of 7-float tuples, or bytes of 7 native doubles a candidate
     * (spin_evidence._static_rows: the same floats, packed) */
    packed = PyBytes_Check(statics);
    if (!PyList_Check(gains) || !(packed || PyTuple_Check(statics)) || !PyTuple_Check(origs) ||
        !PyTuple_Check(weights) || PyTuple_GET_SIZE(weights) != N_WEIGHTS) {
        PyErr_SetString(PyExc_TypeError,
                        "gains list, statics tuple or bytes, origs / 16 weights tuples");
        return NULL;
    }
    if (packed && PyBytes_GET_SIZE(statics) % (Py_ssize_t)(7 * sizeof(double)) != 0) {
        PyErr_SetString(PyExc_TypeError, "packed statics are 7 doubles a candidate");
        return NULL;
    }
    n_statics = packed ? PyBytes_GET_SIZE(statics) / (Py_ssize_t)(7 * sizeof(double))
                       : PyTuple_GET_SIZE(statics);
    cut = PyFloat_AsDouble(args[1]);
    top = PyFloat_AsDouble(args[2]);
    s_hist = PyFloat_AsDouble(args[3]);
    n = PyLong_AsSsize_t(args[7]);
    bias = PyFloat_AsDouble(args[9]);
    c_hi = PyFloat_AsDouble(args[10]);
    c_lo = -c_hi;
    for (i = 0; i < N_WEIGHTS; i++) w[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(weights, i));
    if (PyErr_Occurred()) return NULL;
    m = PyList_GET_SIZE(gains);
    data = (double *)PyMem_Malloc(sizeof(double) * 5 * (m ? m : 1));
    if (data == NULL) return PyErr_NoMemory();
    names = PyTuple_New(m);
    zero = PyLong_FromLong(0);
    if (names == NULL || zero == NULL) goto fail;
    for (i = 0; i < m; i++) {
        PyObject *row = PyList_GET_ITEM(gains, i), *st, *o, *cobj;
        double g, lp1, left_gain, d1, d4, d6, x0, x1, x3, x4, x6, fk, sf[7], score, acc;
        Py_ssize_t k, q;
        long long c;
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 3) {
            PyErr_SetString(PyExc_TypeError, "a gains row is (-gain, index, first score)");
            goto fail;
        }
        g = -PyFloat_AsDouble(PyTuple_GET_ITEM(row, 0));
        k = PyLong_AsSsize_t(PyTuple_GET_ITEM(row, 1));
        lp1 = PyFloat_AsDouble(PyTuple_GET_ITEM(row, 2));
        if (PyErr_Occurred()) goto fail;
        if (g < cut) break;
        if (k < 0 || k >= n_statics || k >= PyTuple_GET_SIZE(origs)) {
            PyErr_SetString(PyExc_IndexError, "candidate index out of range");
            goto fail;
        }
        if (packed) {
            memcpy(sf, PyBytes_AS_STRING(statics) + k * 7 * sizeof(double), sizeof(sf));
        } else {
            st = PyTuple_GET_ITEM(statics, k);
            if (!PyTuple_Check(st) || PyTuple_GET_SIZE(st) != 7) {
                PyErr_SetString(PyExc_TypeError, "a static row is 7 floats");
                goto fail;
            }
            for (q = 0; q < 7; q++) sf[q] = PyFloat_AsDouble(PyTuple_GET_ITEM(st, q));
            if (PyErr_Occurred()) goto fail;
        }
        o = PyTuple_GET_ITEM(origs, k);
        if (PyDict_Check(counts)) { /* dict.get (a Counter's too) */
            cobj = PyDict_GetItemWithError(counts, o);
            if (cobj == NULL && PyErr_Occurred()) goto fail;
            Py_XINCREF(cobj);
        } else {
            cobj = PyObject_CallMethod(counts, "get", "OO", o, zero);
            if (cobj == NULL) goto fail;
        }
        if (cobj == NULL) {
            c = 0;
        } else {
            c = PyLong_AsLongLong(cobj);
            Py_DECREF(cobj);
            if (c == -1 && PyErr_Occurred()) goto fail;
        }
        left_gain = lp1 - s_hist;
        d1 = top - g;
        d4 = g - left_gain;
        d6 = g - sf[0];
        x0 = clip(g, c_lo, c_hi);
        x1 = clip(d1, c_lo, c_hi);
        x3 = clip(left_gain, c_lo, c_hi);
        x4 = clip(d4, c_lo, c_hi);
        x6 = clip(d6, c_lo, c_hi);
        fk = (double)k;
        /* sf: unigram, c_unigram, z_o, z_gap, fan, wn_pair, wn_shared */
        acc = 0.0 + w[0] * x0;
        acc = acc + w[1] * x1;
        acc = acc + w[2] * order;
        acc = acc + w[3] * x3;
        acc = acc + w[4] * x4;
        acc = acc + w[5] * sf[1];
        acc = acc + w[6] * x6;
        acc = acc + w[7] * fk;
        acc = acc + w[8] * ((double)k / (double)n);
        acc = acc + w[9] * sf[2];
        acc = acc + w[10] * sf[3];
        acc = acc + w[11] * (double)(c < 5 ? c : 5);
        acc = acc + w[12] * (c ? 1.0 : 0.0);
        acc = acc + w[13] * sf[4];
        acc = acc + w[14] * sf[5];
        acc = acc + w[15] * sf[6];
        score = bias + acc;
        data[5 * j] = g;
        data[5 * j + 1] = score;
        data[5 * j + 2] = sf[1];
        data[5 * j + 3] = x3;
        data[5 * j + 4] = fk;
        Py_INCREF(o);
        PyTuple_SET_ITEM(names, j, o);
        if (!has_best || score > best) {
            has_best = 1;
            best = score;
            best_j = j;
        }
        j++;
        order += 1.0;
    }
    if (j < m && _PyTuple_Resize(&names, j) < 0) goto fail; /* frees names on failure */
    buf = PyBytes_FromStringAndSize((const char *)data, (Py_ssize_t)(sizeof(double) * 5 * j));
    if (buf == NULL) goto fail;
    out = Py_BuildValue("(NNn)", names, buf, best_j);
    names = NULL;
    PyMem_Free(data);
    Py_DECREF(zero);
    return out;
fail:
    Py_XDECREF(names);
    Py_XDECREF(zero);
    PyMem_Free(data);
    return NULL;
}

/* wid_memo_size() -> the number of words whose ids are kept (WID_MEMO) */
static PyObject *wid_memo_size_entry(PyObject *module, PyObject *unused) {
    return PyLong_FromSsize_t(wid_memo == NULL ? 0 : PyDict_GET_SIZE(wid_memo));
}

/* wid_memo_clear(): forget the kept ids */
static PyObject *wid_memo_clear_entry(PyObject *module, PyObject *unused) {
    if (wid_memo != NULL) PyDict_Clear(wid_memo);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"wid_memo_size", wid_memo_size_entry, METH_NOARGS,
     "wid_memo_size() -> the number of words whose ids gains() keeps (memo)."},
    {"wid_memo_clear", wid_memo_clear_entry, METH_NOARGS, "wid_memo_clear(): forget the kept ids."},
    {"gains", (PyCFunction)(void (*)(void))gains_entry, METH_FASTCALL,
     "gains(prob, s, h1, h2, lows, rl, min_left, window, lb, unk[, ids[, memo[, held_lows, "
     "held_vals]]]) -> None or (s_hist, rows, top, cut[, vals]): repair.score.spin_evidence._gains's LM part, compiled "
     "(ids: each word's id found once, the look-ups on ids; memo: each str's id kept; "
     "held_lows, held_vals: an earlier call's values in the same context, and vals returned)."},
    {"fill", (PyCFunction)(void (*)(void))fill_entry, METH_FASTCALL,
     "fill(gains, cut, top, s_hist, statics, origs, counts, n, weights, bias, clip) -> "
     "(names, bytes, best): repair.score.spin_evidence._packed_filler's loop, compiled."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_spingains",
                                       "The spin candidate tables' LM part, compiled.", -1,
                                       methods};

PyMODINIT_FUNC PyInit__spingains(void) { return PyModule_Create(&moduledef); }
