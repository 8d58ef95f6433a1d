#!/usr/bin/env python3
"""NetworkX oracle for Kizuna's network measures.

Writes tests/fixtures/networkx/<name>.json for a set of graphs: NetworkX's betweenness
(exact and sampled), Burt's constraint and effective size, which tests/unit/analytics compare
with src/analytics within 1e-9.

Graphs come from two places:
  * NetworkX generators below (fixed seeds), with integer tie weights 1..4;
  * every tests/fixtures/networkx/inputs/*.json (a graph exported by Kizuna itself, e.g. the
    synthetic collaboration graph written by `node -r ./bench/register.js bench/oracle-input.ts`):
    {"name", "description", "nodes": [id...], "edges": [[a, b, weight]...]}.

Measures, exactly as the TypeScript side defines them (docs/metrics.md):
  betweenness  nx.betweenness_centrality(G, normalized=True, weight=None)     (hop distance)
  sampled      nx.betweenness_centrality(G, k, normalized=True, weight=None, seed=s); the sampled
               sources are recorded too: random.Random(s).sample(list(G.nodes()), k), the same
               call NetworkX makes, so the TypeScript side can use the same sources
  constraint   nx.constraint(G, weight="weight")
  effectiveSize nx.effective_size(G, weight="weight")
  linkPrediction  for a sample of non-adjacent pairs (seeded: up to 150 pairs at distance two and up
               to 150 pairs drawn from all non-edges): len(nx.common_neighbors(G, u, v)),
               nx.adamic_adar_index(G, [(u, v)]), nx.resource_allocation_index(G, [(u, v)])
               (unweighted, as NetworkX defines them)
  withTie      for a few of those pairs (u, v): nx.constraint and nx.effective_size (weight="weight")
               of u and of v on a copy of G with the tie u-v added, weight 1 (one visit)
NaN (isolated people) is written as null. The sampled pairs use their own random.Random, so adding
them left every earlier value of the fixtures unchanged.

Needs NetworkX >= 3.5 (its sampled-betweenness estimator changed in 3.5; the fixtures use the
new one). Usage: python3 scripts/networkx-oracle.py [--out tests/fixtures/networkx]
"""
import argparse
import glob
import json
import math
import os
import random
import sys

import networkx as nx


def version_tuple(v):
    parts = []
    for p in v.split(".")[:2]:
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def weighted(G, seed):
    rng = random.Random(seed)
    for u, v in sorted(G.edges()):
        G[u][v]["weight"] = rng.randint(1, 4)
    return G


def relabel(G, width=3):
    mapping = {n: "person:n%0*d" % (width, i) for i, n in enumerate(sorted(G.nodes()))}
    return nx.relabel_nodes(G, mapping)


def generated():
    """(name, description, graph, sampled runs [(k, seed)])."""
    out = []

    G = relabel(nx.karate_club_graph())
    for u, v in G.edges():
        G[u][v]["weight"] = int(G[u][v].get("weight", 1))
    out.append(("karate", "Zachary's karate club, weights from the data set", G, [(10, 7), (20, 11)]))

    G = relabel(weighted(nx.gnp_random_graph(60, 0.08, seed=42), 1))
    out.append(("gnp-60", "Erdos-Renyi G(60, 0.08), seed 42; several components and isolated nodes", G, [(15, 3)]))

    G = relabel(weighted(nx.barabasi_albert_graph(150, 2, seed=5), 2))
    out.append(("ba-150", "Barabasi-Albert (150, 2), seed 5: hubs", G, [(30, 1), (149, 2)]))

    G = nx.connected_caveman_graph(6, 5)
    rng = random.Random(9)
    nodes = sorted(G.nodes())
    for _ in range(6):
        a, b = rng.sample(nodes, 2)
        G.add_edge(a, b)
    G = relabel(weighted(G, 3))
    out.append(("caveman", "connected caveman (6 cliques of 5) plus 6 random ties: many closed twins", G, [(8, 5)]))

    G = nx.complete_graph(7)
    G.add_edges_from([(6, 7), (7, 8), (8, 9), (9, 10), (10, 8)])
    G.add_nodes_from([11, 12])
    G.add_edges_from([(13, 14)])
    G.add_edges_from([(15, 16), (15, 17), (15, 18), (15, 19)])
    G = relabel(weighted(G, 4))
    out.append(("mixed-small", "K7 (twins), a path and a triangle, a star, a dyad, isolated nodes", G, [(5, 13)]))

    G = nx.barbell_graph(5, 3)
    G.add_edges_from([(100, 0), (101, 0), (102, 100), (103, 12), (103, 104), (104, 12)])
    G = relabel(weighted(G, 6))
    out.append(("barbell", "barbell (two K5 joined by a 3-path) with a pendant path and a pendant triangle: cut vertices inside twin classes", G, [(6, 3)]))

    G = relabel(weighted(nx.windmill_graph(4, 5), 7))
    out.append(("windmill", "windmill (4 copies of K5 sharing one node): one cut vertex, four twin classes", G, [(5, 2)]))

    G = relabel(weighted(nx.random_labeled_tree(40, seed=3), 8))
    out.append(("tree-40", "random labelled tree, 40 nodes: every block is a single tie", G, [(10, 4)]))

    G = nx.relaxed_caveman_graph(12, 6, 0.15, seed=8)
    G.remove_edges_from(list(nx.selfloop_edges(G)))  # rewiring can make loops; a tie joins two people
    G = relabel(weighted(G, 5))
    out.append(("relaxed-caveman", "relaxed caveman (12 groups of 6, p=0.15), seed 8, self-loops removed", G, [(20, 21)]))
    return out


def from_inputs(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "inputs", "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        G = nx.Graph()
        G.add_nodes_from(data["nodes"])
        for a, b, w in data["edges"]:
            G.add_edge(a, b, weight=w)
        runs = [tuple(r) for r in data.get("sampled", [[max(2, len(G) // 10), 1]])]
        out.append((data["name"], data.get("description", ""), G, runs))
    return out


def sample_pairs(G, seed, per_kind=150):
    """Non-adjacent pairs (u < v): some two steps apart (non-zero scores), some anywhere."""
    rng = random.Random(seed)
    nodes = sorted(G.nodes())
    two_step = sorted({tuple(sorted((u, x))) for u in nodes for w in G[u] for x in G[w]
                       if x != u and not G.has_edge(u, x)})
    picked = rng.sample(two_step, min(per_kind, len(two_step)))
    tries = 0
    anywhere = []
    while len(anywhere) < per_kind and tries < per_kind * 20 and len(nodes) > 1:
        tries += 1
        u, v = sorted(rng.sample(nodes, 2))
        if not G.has_edge(u, v):
            anywhere.append((u, v))
    return sorted(set(picked + anywhere))


def link_prediction(G, pairs):
    aa = {(u, v): p for u, v, p in nx.adamic_adar_index(G, pairs)}
    ra = {(u, v): p for u, v, p in nx.resource_allocation_index(G, pairs)}
    return [{"u": u, "v": v, "commonNeighbours": len(list(nx.common_neighbors(G, u, v))),
             "adamicAdar": aa[(u, v)], "resourceAllocation": ra[(u, v)]} for u, v in pairs]


def with_tie(G, pairs, seed, count=6):
    rng = random.Random(seed)
    chosen = rng.sample(pairs, min(count, len(pairs)))
    out = []
    for u, v in sorted(chosen):
        H = G.copy()
        H.add_edge(u, v, weight=1)
        constraint = nx.constraint(H, nodes=[u, v], weight="weight")
        size = nx.effective_size(H, nodes=[u, v], weight="weight")
        out.append({"u": u, "v": v, "weight": 1,
                    "constraint": clean(constraint), "effectiveSize": clean(size)})
    return out


def stable(old, new, tol=1e-12):
    """`new`, but keeping `old`'s float where the two differ by at most tol. NetworkX sums over
    sets of neighbours, whose order follows Python's per-process string hashing (PYTHONHASHSEED),
    so two runs can differ in the last bits; keeping the stored value makes a regeneration change
    only what really changed."""
    if isinstance(old, float) and isinstance(new, float):
        return old if abs(old - new) <= tol else new
    if isinstance(old, dict) and isinstance(new, dict):
        return {k: stable(old[k], v, tol) if k in old else v for k, v in new.items()}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [stable(a, b, tol) for a, b in zip(old, new)]
    return new


def clean(d):
    return {str(k): (None if isinstance(v, float) and math.isnan(v) else v) for k, v in sorted(d.items())}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "networkx"))
    args = parser.parse_args()
    if version_tuple(nx.__version__) < (3, 5):
        sys.exit("networkx %s is too old: the fixtures use the sampled-betweenness estimator of NetworkX >= 3.5 "
                 "(pip install 'networkx>=3.5')" % nx.__version__)
    os.makedirs(args.out, exist_ok=True)
    for name, description, G, runs in generated() + from_inputs(args.out):
        assert nx.number_of_selfloops(G) == 0, name
        sampled = []
        for k, seed in runs:
            sources = random.Random(seed).sample(list(G.nodes()), k)
            values = nx.betweenness_centrality(G, k=k, normalized=True, weight=None, seed=seed)
            sampled.append({"k": k, "seed": seed, "sources": sorted(sources), "betweenness": clean(values)})
        fixture = {
            "name": name,
            "description": description,
            "networkx": nx.__version__,
            "python": sys.version.split()[0],
            "nodes": sorted(G.nodes()),
            "edges": sorted([sorted([u, v]) + [d.get("weight", 1)] for u, v, d in G.edges(data=True)]),
            "betweenness": clean(nx.betweenness_centrality(G, normalized=True, weight=None)),
            "sampled": sampled,
            "constraint": clean(nx.constraint(G, weight="weight")),
            "effectiveSize": clean(nx.effective_size(G, weight="weight")),
        }
        pairs = sample_pairs(G, 13)
        fixture["linkPrediction"] = link_prediction(G, pairs)
        fixture["withTie"] = with_tie(G, pairs, 17)
        path = os.path.join(args.out, name + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                previous = json.load(f)
            fixture = stable({k: v for k, v in previous.items() if k not in ("networkx", "python")}, fixture)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fixture, f, indent=1, sort_keys=False)
            f.write("\n")
        print("wrote %s (%d nodes, %d edges)" % (path, G.number_of_nodes(), G.number_of_edges()))


if __name__ == "__main__":
    main()
