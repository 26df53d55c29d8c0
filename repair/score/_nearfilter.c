/* The bag-distance filter in front of rapidfuzz's Levenshtein search
 * (repair.score.ocr_nearpool; issue 14, session 61).
 *
 * survivors(query, choices, cutoff) -> None | (subset, indices)
 *
 * A choice whose bag distance from the query exceeds cutoff cannot be within cutoff plain
 * edits of it: each insertion or deletion changes one glyph count by one, each
 * substitution two counts by one, so the Levenshtein distance is at least the larger of
 * the query's glyphs the choice lacks and the choice's glyphs the query lacks (counted
 * as multisets).  Glyphs are counted in 256 bins (code points below 192 alone, the rest
 * folded by their value modulo 64): folding bins only lowers the bound, so it stays a
 * lower bound.  The choices (a list or tuple of str) that may be within cutoff are
 * returned in their order with their indices; None when every choice is kept (the caller
 * asks rapidfuzz of the choices themselves).  Any choice that is not a str is kept. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int bin_of(Py_UCS4 c) { return c < 192 ? (int)c : 192 + (int)(c % 64); }

/* Append the surviving word and its index ``k`` to the two result lists; -1 on error. */
static int append_hit(PyObject *subset, PyObject *indices, PyObject *w, Py_ssize_t k) {
    PyObject *at = PyLong_FromSsize_t(k);
    if (at == NULL) return -1;
    int bad = PyList_Append(subset, w) < 0 || PyList_Append(indices, at) < 0;
    Py_DECREF(at);
    return bad ? -1 : 0;
}

static PyObject *survivors(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "survivors(query, choices, cutoff)");
        return NULL;
    }
    PyObject *query = args[0], *choices = args[1];
    if (!PyUnicode_Check(query) || !(PyList_CheckExact(choices) || PyTuple_CheckExact(choices))) {
        PyErr_SetString(PyExc_TypeError, "survivors: a str and a list or tuple");
        return NULL;
    }
    Py_ssize_t cutoff = PyLong_AsSsize_t(args[2]);
    if (cutoff == -1 && PyErr_Occurred()) return NULL;
    if (cutoff < 0) cutoff = 0;
    int diff[256];
    memset(diff, 0, sizeof diff);
    int qkind = PyUnicode_KIND(query);
    const void *qdata = PyUnicode_DATA(query);
    Py_ssize_t qlen = PyUnicode_GET_LENGTH(query);
    for (Py_ssize_t i = 0; i < qlen; i++) diff[bin_of(PyUnicode_READ(qkind, qdata, i))]++;
    PyObject *seq = choices; /* a list's items are read each step: it may not change */
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *subset = NULL, *indices = NULL;
    Py_ssize_t kept = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *w = items[k];
        int keep = 1;
        if (PyUnicode_Check(w)) {
            Py_ssize_t wlen = PyUnicode_GET_LENGTH(w);
            Py_ssize_t gap = wlen > qlen ? wlen - qlen : qlen - wlen;
            if (gap > cutoff) {
                keep = 0;
            } else {
                Py_ssize_t extra = 0, i;
                if (PyUnicode_IS_COMPACT_ASCII(w)) { /* the common case: bytes, no bins folded */
                    const unsigned char *a = PyUnicode_1BYTE_DATA(w);
                    for (i = 0; i < wlen; i++) {
                        extra += diff[a[i]] <= 0; /* a glyph the query lacks */
                        diff[a[i]]--;
                    }
                    for (i = 0; i < wlen; i++) diff[a[i]]++;
                } else {
                    int wkind = PyUnicode_KIND(w);
                    const void *wdata = PyUnicode_DATA(w);
                    for (i = 0; i < wlen; i++) {
                        int b = bin_of(PyUnicode_READ(wkind, wdata, i));
                        extra += diff[b] <= 0;
                        diff[b]--;
                    }
                    for (i = 0; i < wlen; i++) diff[bin_of(PyUnicode_READ(wkind, wdata, i))]++;
                }
                /* the counts' differences sum to wlen - qlen = extra - missing */
                Py_ssize_t missing = extra + qlen - wlen;
                if (extra > cutoff || missing > cutoff) keep = 0;
            }
        }
        if (keep) {
            if (subset == NULL) {
                subset = PyList_New(0);
                indices = PyList_New(0);
                if (subset == NULL || indices == NULL) goto fail;
            }
            if (append_hit(subset, indices, w, k) < 0) goto fail;
            kept++;
        }
    }
    if (kept == n) {
        Py_XDECREF(subset);
        Py_XDECREF(indices);
        Py_RETURN_NONE;
    }
    if (subset == NULL) {
        subset = PyList_New(0);
        indices = PyList_New(0);
        if (subset == NULL || indices == NULL) goto fail;
    }
    PyObject *out = PyTuple_Pack(2, subset, indices);
    Py_DECREF(subset);
    Py_DECREF(indices);
    return out;
fail:
    Py_XDECREF(subset);
    Py_XDECREF(indices);
    return NULL;
}

/* ---- the same bound read from a pool's signature, made once (stable pools) ---- */

#define SIG_BINS 32
#define SIG_ROW (SIG_BINS + 1) /* the length, then the 32 bins' counts */

static inline int sig_bin(Py_UCS4 c) {
    if (c >= 'a' && c <= 'z') return (int)(c - 'a');
    return 26 + (int)(c % 6); /* every other glyph folded: the bound only lowers */
}

/* signature(choices) -> bytes: each choice's length and its glyph counts in 32 bins (one
 * row of 33 bytes a choice); a row of 255s for a choice that is not a str or is longer
 * than 254 glyphs (kept by every filter). */
static PyObject *signature(PyObject *self, PyObject *choices) {
    if (!(PyList_CheckExact(choices) || PyTuple_CheckExact(choices))) {
        PyErr_SetString(PyExc_TypeError, "signature: a list or tuple");
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(choices);
    PyObject **items = PySequence_Fast_ITEMS(choices);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * SIG_ROW);
    if (out == NULL) return NULL;
    unsigned char *row = (unsigned char *)PyBytes_AS_STRING(out);
    for (Py_ssize_t k = 0; k < n; k++, row += SIG_ROW) {
        PyObject *w = items[k];
        memset(row, 0, SIG_ROW);
        if (!PyUnicode_Check(w) || PyUnicode_GET_LENGTH(w) > 254) {
            memset(row, 255, SIG_ROW);
            continue;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        int kind = PyUnicode_KIND(w);
        const void *data = PyUnicode_DATA(w);
        row[0] = (unsigned char)len;
        for (Py_ssize_t i = 0; i < len; i++) row[1 + sig_bin(PyUnicode_READ(kind, data, i))]++;
    }
    return out;
}

/* survivors_sig(query, choices, sig, cutoff): survivors() read from signature(choices). */
static PyObject *survivors_sig(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "survivors_sig(query, choices, sig, cutoff)");
        return NULL;
    }
    PyObject *query = args[0], *choices = args[1], *sig = args[2];
    if (!PyUnicode_Check(query) || !(PyList_CheckExact(choices) || PyTuple_CheckExact(choices)) ||
        !PyBytes_CheckExact(sig)) {
        PyErr_SetString(PyExc_TypeError, "survivors_sig: a str, a list or tuple and bytes");
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(choices);
    if (PyBytes_GET_SIZE(sig) != n * SIG_ROW) {
        PyErr_SetString(PyExc_ValueError, "survivors_sig: not this pool's signature");
        return NULL;
    }
    Py_ssize_t cutoff = PyLong_AsSsize_t(args[3]);
    if (cutoff == -1 && PyErr_Occurred()) return NULL;
    if (cutoff < 0) cutoff = 0;
    int q[SIG_BINS];
    memset(q, 0, sizeof q);
    int qkind = PyUnicode_KIND(query);
    const void *qdata = PyUnicode_DATA(query);
    Py_ssize_t qlen = PyUnicode_GET_LENGTH(query);
    for (Py_ssize_t i = 0; i < qlen; i++) q[sig_bin(PyUnicode_READ(qkind, qdata, i))]++;
    PyObject **items = PySequence_Fast_ITEMS(choices);
    const unsigned char *row = (const unsigned char *)PyBytes_AS_STRING(sig);
    PyObject *subset = PyList_New(0), *indices = PyList_New(0);
    if (subset == NULL || indices == NULL) goto fail;
    Py_ssize_t kept = 0;
    for (Py_ssize_t k = 0; k < n; k++, row += SIG_ROW) {
        int keep = 1;
        if (row[0] != 255) {
            Py_ssize_t wlen = row[0];
            Py_ssize_t gap = wlen > qlen ? wlen - qlen : qlen - wlen;
            if (gap > cutoff) {
                keep = 0;
            } else {
                Py_ssize_t extra = 0; /* the choice's glyphs the query lacks */
                for (int b = 0; b < SIG_BINS; b++) {
                    int d = (int)row[1 + b] - q[b];
                    if (d > 0) extra += d;
                }
                /* missing - extra = qlen - wlen: the query's glyphs the choice lacks */
                Py_ssize_t missing = extra + qlen - wlen;
                if (extra > cutoff || missing > cutoff) keep = 0;
            }
        }
        if (keep) {
            if (append_hit(subset, indices, items[k], k) < 0) goto fail;
            kept++;
        }
    }
    if (kept == n) {
        Py_DECREF(subset);
        Py_DECREF(indices);
        Py_RETURN_NONE;
    }
    PyObject *out = PyTuple_Pack(2, subset, indices);
    Py_DECREF(subset);
    Py_DECREF(indices);
    return out;
fail:
    Py_XDECREF(subset);
    Py_XDECREF(indices);
    return NULL;
}

static PyMethodDef methods[] = {
    {"survivors", (PyCFunction)(void (*)(void))survivors, METH_FASTCALL,
     "survivors(query, choices, cutoff) -> None | (subset, indices): the choices whose bag "
     "distance from query is at most cutoff, in order, and their indices (None: all)."},
    {"signature", (PyCFunction)signature, METH_O,
     "signature(choices) -> bytes: each choice's length and glyph counts (33 bytes a choice)."},
    {"survivors_sig", (PyCFunction)(void (*)(void))survivors_sig, METH_FASTCALL,
     "survivors_sig(query, choices, sig, cutoff): survivors() read from signature(choices)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_nearfilter", NULL, -1, methods};

PyMODINIT_FUNC PyInit__nearfilter(void) { return PyModule_Create(&module); }
