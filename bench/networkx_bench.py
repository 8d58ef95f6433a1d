#!/usr/bin/env python3
"""NetworkX timings for `npm run bench:analytics` (bench/analytics.ts).

Reads a graph {"nodes": [...], "edges": [[a, b, w]...], "k": int, "exact": bool, "people": [...]}
on stdin and prints JSON timings in seconds:
  betweenness_exact   nx.betweenness_centrality(G) (only when "exact" is true)
  betweenness_k       nx.betweenness_centrality(G, k=k, seed=1): the per-source cost, from which
                      the caller extrapolates the exact time when running it is out of reach
  structural_holes    nx.constraint + nx.effective_size (weight="weight") for "people"
"""
import json
import sys
import time

import networkx as nx


def main():
    data = json.load(sys.stdin)
    G = nx.Graph()
    G.add_nodes_from(data["nodes"])
    G.add_weighted_edges_from(data["edges"])
    out = {"networkx": nx.__version__}
    if data.get("exact"):
        t = time.perf_counter()
        nx.betweenness_centrality(G)
        out["betweenness_exact"] = time.perf_counter() - t
    k = min(data["k"], len(G))
    t = time.perf_counter()
    nx.betweenness_centrality(G, k=k, seed=1)
    out["betweenness_k"] = time.perf_counter() - t
    out["k"] = k
    people = data.get("people") or []
    if people:
        t = time.perf_counter()
        nx.constraint(G, nodes=people, weight="weight")
        nx.effective_size(G, nodes=people, weight="weight")
        out["structural_holes"] = time.perf_counter() - t
        out["structural_holes_people"] = len(people)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
