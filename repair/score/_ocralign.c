/* The channel price's alignment compiled: an optional accelerator of
 * repair.score.ocr_price.channel_cost_upto (issue 14, session 56).
 *
 * channel_cost_upto lowers both sides, aligns them with rapidfuzz's
 * Levenshtein.opcodes, merges the differing opcodes into runs and prices each run (one
 * equal glyph of context each side) with ocr_price._block_cost.  On the 100 k-word OCR
 * speed text it is asked 126 k times about 117 k distinct (token, word) pairs, and two
 * thirds of its time went to building the opcodes: an Opcodes object, then a list of
 * 5-tuples of a tag string and four ints (as_list), read back here one item at a time.
 *
 * This module makes the same alignment without those objects.  rapidfuzz (3.x,
 * rapidfuzz-cpp's levenshtein_editops) strips the common prefix, then the common suffix,
 * computes the unit-cost Levenshtein matrix of what is left (Hyyro's bit vectors VP / VN:
 * the vertical deltas D[col][row] - D[col - 1][row] = +1 / -1, col indexing the printed
 * side) and backtracks from the end: a deletion where VP is set, else an insertion where
 * VN is set one row up, else a match or replacement.  The same backtrack over the same
 * deltas read from a plain dynamic-programme matrix gives the same edit operations; runs
 * are the maximal chains of operations with no equal glyph between them, which is what
 * channel_cost_upto's merge of adjacent opcodes makes.  Sides longer than MAX_SIDE after
 * the affixes are stripped (rapidfuzz then uses other variants) are not aligned here: the
 * entry returns None and the caller takes the rapidfuzz path.
 *
 * Checked against rapidfuzz on every pair of the speed text and on random pairs
 * (tests/test_ocr_align56.py).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_pricerun.h"

#define MAX_SIDE 64

typedef struct {
    Py_ssize_t i1, i2, j1, j2;
} Run;


/* The runs of rapidfuzz's alignment of a -> b (code points, lengths n, m), in order, into
 * runs[] (room for n + m); their count, or -1 when a side is longer than MAX_SIDE once
 * the common affixes are stripped. */
static Py_ssize_t align_runs(int ka, const void *da, Py_ssize_t n, int kb, const void *db,
                             Py_ssize_t m, Run *runs) {
    Py_ssize_t pre = 0;
    while (pre < n && pre < m && PyUnicode_READ(ka, da, pre) == PyUnicode_READ(kb, db, pre)) pre++;
    Py_ssize_t suf = 0;
    while (suf < n - pre && suf < m - pre &&
           PyUnicode_READ(ka, da, n - 1 - suf) == PyUnicode_READ(kb, db, m - 1 - suf))
        suf++;
    Py_ssize_t sn = n - pre - suf, sm = m - pre - suf;
    if (sn > MAX_SIDE || sm > MAX_SIDE) return -1;
    /* D[col][row]: the distance of a[pre:pre + col] -> b[pre:pre + row] */
    unsigned char D[MAX_SIDE + 1][MAX_SIDE + 1];
    Py_UCS4 A[MAX_SIDE], B[MAX_SIDE];
    for (Py_ssize_t i = 0; i < sn; i++) A[i] = PyUnicode_READ(ka, da, pre + i);
    for (Py_ssize_t j = 0; j < sm; j++) B[j] = PyUnicode_READ(kb, db, pre + j);
    for (Py_ssize_t i = 0; i <= sn; i++) D[i][0] = (unsigned char)i;
    for (Py_ssize_t j = 0; j <= sm; j++) D[0][j] = (unsigned char)j;
    for (Py_ssize_t i = 1; i <= sn; i++) {
        for (Py_ssize_t j = 1; j <= sm; j++) {
            int best = D[i - 1][j - 1] + (A[i - 1] != B[j - 1]);
            int del = D[i - 1][j] + 1, ins = D[i][j - 1] + 1;
            if (del < best) best = del;
            if (ins < best) best = ins;
            D[i][j] = (unsigned char)best;
        }
    }
    /* the edit operations, last first: kind 'd' / 'i' / 'r' at (src, dest) */
    Py_ssize_t dist = D[sn][sm];
    char kind[2 * MAX_SIDE];
    Py_ssize_t sp[2 * MAX_SIDE], dp[2 * MAX_SIDE];
    Py_ssize_t col = sn, row = sm, k = dist;
    while (row && col) {
        if ((int)D[col][row] - (int)D[col - 1][row] == 1) { /* VP: a deletion */
            k--;
            col--;
            kind[k] = 'd', sp[k] = col, dp[k] = row;
        } else {
            row--;
            if (row && (int)D[col][row] - (int)D[col - 1][row] == -1) { /* VN: an insertion */
                k--;
                kind[k] = 'i', sp[k] = col, dp[k] = row;
            } else {
                col--;
                if (A[col] != B[row]) {
                    k--;
                    kind[k] = 'r', sp[k] = col, dp[k] = row;
                }
            }
        }
    }
    while (col) {
        k--;
        col--;
        kind[k] = 'd', sp[k] = col, dp[k] = row;
    }
    while (row) {
        k--;
        row--;
        kind[k] = 'i', sp[k] = col, dp[k] = row;
    }
    if (k != 0) return -2; /* cannot happen: the backtrack makes exactly dist operations */
    Py_ssize_t nr = 0;
    for (Py_ssize_t e = 0; e < dist; e++) {
        Py_ssize_t s1 = sp[e] + pre, d1 = dp[e] + pre;
        Py_ssize_t s2 = s1 + (kind[e] != 'i'), d2 = d1 + (kind[e] != 'd');
        if (nr > 0 && runs[nr - 1].i2 == s1 && runs[nr - 1].j2 == d1) {
            runs[nr - 1].i2 = s2;
            runs[nr - 1].j2 = d2;
        } else {
            runs[nr].i1 = s1, runs[nr].i2 = s2, runs[nr].j1 = d1, runs[nr].j2 = d2;
            nr++;
        }
    }
    return nr;
}

/* runs(low, target) -> tuple of (i1, i2, j1, j2) or None: the runs of differing glyphs
 * channel_cost_upto prices (for the tests). */
static PyObject *runs_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "runs(low: str, target: str)");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(args[0]), m = PyUnicode_GET_LENGTH(args[1]);
    Run runs[2 * MAX_SIDE];
    Py_ssize_t nr = align_runs(PyUnicode_KIND(args[0]), PyUnicode_DATA(args[0]), n,
                               PyUnicode_KIND(args[1]), PyUnicode_DATA(args[1]), m, runs);
    if (nr < 0) Py_RETURN_NONE;
    PyObject *out = PyTuple_New(nr);
    if (out == NULL) return NULL;
    for (Py_ssize_t r = 0; r < nr; r++) {
        PyObject *t = Py_BuildValue("(nnnn)", runs[r].i1, runs[r].i2, runs[r].j1, runs[r].j2);
        if (t == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, r, t);
    }
    return out;
}

/* channel_cost(token, word, limit, block) -> float or None: the whole of
 * repair.score.ocr_price.channel_cost_upto (token.lower(), word.lower(), 0.0 when equal,
 * the runs priced by block in order, the same float additions, the sum returned as soon
 * as it passes limit); None when the alignment is not made here (a long side). */
static PyObject *channel_cost_entry(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "channel_cost(token: str, word: str, limit, block)");
        return NULL;
    }
    double limit = PyFloat_AsDouble(args[2]);
    if (limit == -1.0 && PyErr_Occurred()) return NULL;
    PyObject *result = NULL, *low, *target;
    int eq = lowered_pair(args[0], args[1], &low, &target);
    if (eq < 0) return NULL;
    if (eq == 1) {
        result = PyFloat_FromDouble(0.0);
        goto done;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(low), m = PyUnicode_GET_LENGTH(target);
    Run runs[2 * MAX_SIDE]; /* at most one a differing glyph of the stripped sides */
    Py_ssize_t nr = align_runs(PyUnicode_KIND(low), PyUnicode_DATA(low), n,
                               PyUnicode_KIND(target), PyUnicode_DATA(target), m, runs);
    if (nr < 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    double cost = 0.0;
    for (Py_ssize_t r = 0; r < nr; r++) {
        if (price_run(args[0], low, target, n, m, runs[r].i1, runs[r].i2, runs[r].j1, runs[r].j2, args[3],
                      &cost) < 0) goto done;
        if (cost > limit && r + 1 < nr) break;
    }
    result = PyFloat_FromDouble(cost);
done:
    Py_DECREF(low);
    Py_XDECREF(target);
    return result;
}

static PyMethodDef methods[] = {
    {"runs", (PyCFunction)(void (*)(void))runs_entry, METH_FASTCALL,
     "runs(low, target) -> tuple of (i1, i2, j1, j2) or None: the differing runs of "
     "rapidfuzz's Levenshtein.opcodes(low, target), adjacent ones merged."},
    {"channel_cost", (PyCFunction)(void (*)(void))channel_cost_entry, METH_FASTCALL,
     "channel_cost(token, word, limit, block) -> float or None: "
     "repair.score.ocr_price.channel_cost_upto with the alignment made here."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_ocralign",
    "The channel price's alignment compiled (repair.score.ocr_price, issue 14).", -1, methods,
};

PyMODINIT_FUNC PyInit__ocralign(void) { return PyModule_Create(&moduledef); }
