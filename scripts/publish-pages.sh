#!/bin/sh
# Publish to the gh-pages branch, from which GitHub Pages serves the site.
#
#   sh scripts/publish-pages.sh site .                   the site itself (pr-preview/ is kept)
#   sh scripts/publish-pages.sh site pr-preview/pr-12    a pull request's preview
#   sh scripts/publish-pages.sh - pr-preview/pr-12       remove that preview
#
# Runs in a checkout whose `origin` may be pushed to (actions/checkout keeps the token).
# Several workflows publish to the same branch, so a rejected push is retried on top of
# the newer branch.
set -eu
src=$1
dest=$2
branch=${PAGES_BRANCH:-gh-pages}
work=$(mktemp -d)
trap 'git worktree remove --force "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

git config user.name >/dev/null 2>&1 || git config user.name "github-actions[bot]"
git config user.email >/dev/null 2>&1 || \
  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

attempt=1
while :; do
  git worktree remove --force "$work" 2>/dev/null || true
  rm -rf "$work"
  if git fetch --quiet --depth 1 origin "$branch" 2>/dev/null; then
    git worktree add --quiet --detach "$work" FETCH_HEAD
  else
    # First publication: an empty branch of its own history.
    git worktree add --quiet --detach "$work"
    git -C "$work" checkout --quiet --orphan "$branch-new"
    git -C "$work" rm -rfq . >/dev/null 2>&1 || true
  fi
  if [ "$dest" = "." ]; then
    # The site root: replace everything except the pull-request previews.
    find "$work" -mindepth 1 -maxdepth 1 ! -name .git ! -name pr-preview -exec rm -rf {} +
    cp -R "$src"/. "$work"/
  else
    rm -rf "${work:?}/$dest"
    if [ "$src" != "-" ]; then
      mkdir -p "$work/$dest"
      cp -R "$src"/. "$work/$dest"/
    fi
  fi
  # Serve files as they are (no Jekyll processing on GitHub Pages).
  touch "$work/.nojekyll"
  git -C "$work" add -A
  if git -C "$work" diff --cached --quiet; then
    echo "gh-pages: nothing changed in $dest"
    exit 0
  fi
  git -C "$work" commit --quiet -m "Publish $dest from ${GITHUB_SHA:-$(git rev-parse HEAD)}"
  if git -C "$work" push --quiet origin "HEAD:refs/heads/$branch"; then
    echo "gh-pages: published $dest"
    exit 0
  fi
  if [ "$attempt" -ge 5 ]; then
    echo "gh-pages: push rejected $attempt times; giving up" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep $((attempt * 3))
done
