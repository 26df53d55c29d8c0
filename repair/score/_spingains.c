/* The LM part of the spin stage's candidate tables (issue 14), compiled.
 *
 * repair.score.spin_evidence._gains, step for step: the same n-gram look-ups through the
 * model's own ``prob`` (pocketsphinx), in the same order, the same float operations
 * (a raw score r scaled as ``unk if r <= -1e8 else max(r * lb, unk)``, sums left to
 * right; setup.py builds it with -ffp-contract=off so that no product is fused into a
 * sum), the same orders (candidates by first-word score, best first, ties by the later
 * index first; read rows by (-gain, index)).  What it saves is the interpreter's work
 * around the ~40 look-ups a word.  repair.score.spin_evidence picks it when built (COMPILED_GAINS).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

/* prob([a]), prob([a, b]) or prob([a, b, c]) as a double; sets *err on failure. */
static double call_prob(PyObject *prob, PyObject *a, PyObject *b, PyObject *c, int *err) {
    Py_ssize_t n = c ? 3 : (b ? 2 : 1);
    PyObject *lst = PyList_New(n), *r;
    double v;
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
    r = PyObject_CallOneArg(prob, lst);
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

/* gains(prob, s, h1, h2, lows, rl, min_left, window, lb, unk)
 *   -> None or (s_hist, [(-gain, index, first-word score), ...], top, cut) */
static PyObject *gains_entry(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *prob, *s, *h1, *h2, *lows, *rl, *min_left_obj;
    double window, lb, unk, s_hist, base, top, cut, min_left = 0.0;
    Py_ssize_t n_lows, n_right, k, i, j, n_rows = 0;
    First first[MAX_ROWS];
    Row rows[MAX_ROWS];
    int err = 0, has_min;
    PyObject *out = NULL, *list = NULL;
    if (nargs != 10) {
        PyErr_SetString(PyExc_TypeError,
                        "gains(prob, s, h1, h2, lows, rl, min_left, window, lb, unk)");
        return NULL;
    }
    prob = args[0];
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
    /* ln P(w | left) as LanguageModel.logprob(w, hist) reads it */
    s_hist = scaled(call_prob(prob, s, h1, h2, &err), lb, unk);
    if (err) return NULL;
    for (k = 0; k < n_lows; k++) {
        double r = call_prob(prob, PyTuple_GET_ITEM(lows, k), h1, h2, &err);
        if (err) return NULL;
        first[k].score = scaled(r, lb, unk);
        first[k].k = k;
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
    if (has_min && (n_lows == 0 || first[0].score - s_hist < min_left)) Py_RETURN_NONE;
    /* base = sequence_logprob([s, *right], left) */
    base = 0.0;
    base += s_hist;
    {
        PyObject *a1 = s, *a2 = h1;
        for (i = 0; i < n_right; i++) {
            PyObject *low = PyList_GET_ITEM(rl, i);
            double r = a2 != NULL ? call_prob(prob, low, a1, a2, &err)
                                  : call_prob(prob, low, a1, NULL, &err);
            if (err) return NULL;
            base += scaled(r, lb, unk);
            a2 = a1;
            a1 = low;
        }
    }
    top = -1e9;
    cut = top - window;
    for (i = 0; i < n_lows; i++) {
        double lp1 = first[i].score, seq = 0.0, g, r;
        PyObject *lo;
        k = first[i].k;
        if (lp1 - base < cut) break;
        if (n_right) {
            PyObject *r1 = PyList_GET_ITEM(rl, 0);
            lo = PyTuple_GET_ITEM(lows, k);
            r = h1 != NULL ? call_prob(prob, r1, lo, h1, &err) : call_prob(prob, r1, lo, NULL, &err);
            if (err) return NULL;
            seq += scaled(r, lb, unk);
            if (n_right >= 2) {
                PyObject *r2 = PyList_GET_ITEM(rl, 1), *b1, *b2;
                r = call_prob(prob, r2, r1, lo, &err);
                if (err) return NULL;
                seq += scaled(r, lb, unk);
                b1 = r2;
                b2 = r1;
                for (j = 2; j < n_right; j++) {
                    PyObject *low = PyList_GET_ITEM(rl, j);
                    r = call_prob(prob, low, b1, b2, &err);
                    if (err) return NULL;
                    seq += scaled(r, lb, unk);
                    b2 = b1;
                    b1 = low;
                }
            }
        }
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
    if (list == NULL) return NULL;
    for (i = 0; i < n_rows; i++) {
        PyObject *t = Py_BuildValue("(dnd)", rows[i].neg, rows[i].k, rows[i].lp1);
        if (t == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, t);
    }
    out = Py_BuildValue("(dNdd)", s_hist, list, top, cut);
    return out;
}

static PyMethodDef methods[] = {
    {"gains", (PyCFunction)(void (*)(void))gains_entry, METH_FASTCALL,
     "gains(prob, s, h1, h2, lows, rl, min_left, window, lb, unk) -> None or (s_hist, "
     "rows, top, cut): repair.score.spin_evidence._gains's LM part, compiled."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_spingains",
                                       "The spin candidate tables' LM part, compiled.", -1,
                                       methods};

PyMODINIT_FUNC PyInit__spingains(void) { return PyModule_Create(&moduledef); }
