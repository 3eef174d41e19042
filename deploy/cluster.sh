#!/usr/bin/env bash
# A local Maestro cluster for development: a private PostgreSQL and N silo processes, all on 127.0.0.1.
# Everything lives under ./data/cluster (relative to the current directory). Run with --help for usage.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/cluster.sh start N | scale N | stop | status | gateway start|stop|status | --help

  start N   Build the silo, start a private PostgreSQL (initdb on first use, 127.0.0.1 only) and N silos (1-20) in
            cluster mode, each in the background with its own ports, log and PID file; waits until each is healthy.
  scale N   Grow or shrink a started cluster to N silos (1-20): starts the missing silos 1..N and waits until they
            are healthy, or stops the silos numbered above N gracefully (SIGTERM: their grains deactivate, they leave
            the cluster, and the others activate those grains again on their next call).
  stop      Stop the silos by PID (SIGTERM, then SIGKILL after 30 s), then the database (fast shutdown, then
            immediate after 30 s).
  status    Show the database, every silo and the REST gateway: PID, whether it runs, its ports and its /health.
  gateway start   Build and start the REST gateway (client-api/Maestro.Gateway, its own process) in front of the
                  running silos: HTTP on 127.0.0.1 at MAESTRO_CLUSTER_GATEWAY_HTTP_PORT, calling the grains through
                  every running silo's gateway port; waits until its /health answers 200.
  gateway stop    Stop the REST gateway by PID (SIGTERM, then SIGKILL after 30 s). 'stop' stops it too, first.
  gateway status  Show the REST gateway: PID, port and its /health.

Files under ./data/cluster: pg/ (database; pg.log), pg-password, cluster-secret, admin-key (all three mode 600),
silo<i>/ (data), silo<i>.log, silo<i>.pid, bin/ (the built silo), gateway.log, gateway.pid, gateway-bin/ (the
built REST gateway). admin-key is the cluster's first admin API key
(send it as X-Api-Key); it is generated on the first start and handed to every silo as Maestro__InitialApiKey.

Environment (all optional):
  MAESTRO_PG_BIN                 folder with initdb and postgres (default: the newest /usr/lib/postgresql/*/bin)
  MAESTRO_CLUSTER_PG_PORT        PostgreSQL port (default 55432)
  MAESTRO_CLUSTER_HTTP_PORT      HTTP port of silo 1; silo i uses this + i - 1 (default 8081)
  MAESTRO_CLUSTER_SILO_PORT      silo-to-silo port of silo 1; silo i uses this + i - 1 (default 11111)
  MAESTRO_CLUSTER_GATEWAY_PORT   client gateway port of silo 1; silo i uses this + i - 1 (default 30000)
  MAESTRO_CLUSTER_GATEWAY_HTTP_PORT  HTTP port of the REST gateway process (default 8090)
  MAESTRO_CLUSTER_GRAIN_ASSEMBLY a grain assembly every silo loads with --grain-assembly (test support only)

The connection string and the admin key reach the silos through the environment (Maestro__Postgres,
Maestro__InitialApiKey), the secret through --cluster-secret-file, so none of them shows in a process list.
EOF
}

die() {
  echo "cluster.sh: error: $*" >&2
  exit 2
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root="$PWD/data/cluster"
pg_data="$root/pg"
pg_port="${MAESTRO_CLUSTER_PG_PORT:-55432}"
http_base="${MAESTRO_CLUSTER_HTTP_PORT:-8081}"
silo_base="${MAESTRO_CLUSTER_SILO_PORT:-11111}"
gateway_base="${MAESTRO_CLUSTER_GATEWAY_PORT:-30000}"
rest_gateway_port="${MAESTRO_CLUSTER_GATEWAY_HTTP_PORT:-8090}"
stop_bound=30

is_port() {
  [[ "$1" =~ ^[0-9]{1,5}$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]
}

is_port "$pg_port" || die "MAESTRO_CLUSTER_PG_PORT must be a port (1-65535); got '$pg_port'."
is_port "$http_base" || die "MAESTRO_CLUSTER_HTTP_PORT must be a port (1-65535); got '$http_base'."
is_port "$silo_base" || die "MAESTRO_CLUSTER_SILO_PORT must be a port (1-65535); got '$silo_base'."
is_port "$gateway_base" || die "MAESTRO_CLUSTER_GATEWAY_PORT must be a port (1-65535); got '$gateway_base'."
is_port "$rest_gateway_port" || die "MAESTRO_CLUSTER_GATEWAY_HTTP_PORT must be a port (1-65535); got '$rest_gateway_port'."

pg_bin() {
  if [ -n "${MAESTRO_PG_BIN:-}" ]; then
    [ -x "$MAESTRO_PG_BIN/initdb" ] || die "MAESTRO_PG_BIN is $MAESTRO_PG_BIN, which has no initdb."
    echo "$MAESTRO_PG_BIN"
    return
  fi
  local found
  found=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || die "no PostgreSQL server binaries: install Debian's 'postgresql' package or set MAESTRO_PG_BIN."
  dirname "$found"
}

# Runs a PostgreSQL server program as the postgres user when we are root (initdb and postgres refuse root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

alive() {
  kill -0 "$1" 2>/dev/null
}

read_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 1
  pid=$(head -n 1 "$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  echo "$pid"
}

# Sends $2 to PID $1, waits up to $stop_bound seconds, then sends $3 if it is still alive.
stop_pid() {
  local pid=$1 first=$2 last=$3 i
  alive "$pid" || return 0
  kill "-$first" "$pid" 2>/dev/null || return 0
  for ((i = 0; i < stop_bound * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  echo "cluster.sh: PID $pid did not stop within ${stop_bound}s after SIG$first; sending SIG$last." >&2
  kill "-$last" "$pid" 2>/dev/null || true
}

pg_running() {
  local pid
  pid=$(read_pid "$pg_data/postmaster.pid") && alive "$pid"
}

silo_count() {
  local files=("$root"/silo*.pid)
  [ -e "${files[0]}" ] && echo "${#files[@]}" || echo 0
}

start_database() {
  local bin password
  bin=$(pg_bin)
  mkdir -p "$root"
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    echo "Creating the database cluster in $pg_data"
    (umask 077 && openssl rand -hex 24 >"$root/pg-password")
    install -d -m 700 "$pg_data"
    # initdb needs an empty folder, so its password file sits next to it, readable by the server's user only.
    local pwfile="$root/.initdb-password"
    install -m 600 "$root/pg-password" "$pwfile"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$pg_data" "$pwfile"
    fi
    as_pg "$bin/initdb" -D "$pg_data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" --encoding=UTF8 >"$root/initdb.log" 2>&1 \
      || { tail -n 20 "$root/initdb.log" >&2; die "initdb failed (see $root/initdb.log)."; }
    rm -f "$pwfile"
  fi
  if pg_running; then
    echo "PostgreSQL already runs (PID $(read_pid "$pg_data/postmaster.pid"))"
  else
    touch "$root/pg.log"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$root/pg.log"
    fi
    # Arguments only, no option string: TCP on 127.0.0.1 only, the Unix socket inside the data folder.
    as_pg "$bin/postgres" -D "$pg_data" -p "$pg_port" -c listen_addresses=127.0.0.1 \
      -c "unix_socket_directories=$pg_data" >>"$root/pg.log" 2>&1 </dev/null &
    disown
  fi
  local i
  for ((i = 0; i < 300; i++)); do
    if pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
      break
    fi
    sleep 0.1
  done
  pg_isready -q -h 127.0.0.1 -p "$pg_port" || { tail -n 20 "$root/pg.log" >&2; die "PostgreSQL did not become ready on 127.0.0.1:$pg_port."; }
  password=$(cat "$root/pg-password")
  if ! PGPASSWORD="$password" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAq \
       -c "SELECT 1 FROM pg_database WHERE datname = 'maestro'" | grep -q 1; then
    PGPASSWORD="$password" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -c "CREATE DATABASE maestro" >/dev/null
  fi
  echo "PostgreSQL on 127.0.0.1:$pg_port (PID $(read_pid "$pg_data/postmaster.pid"))"
}

grain_args() {
  if [ -n "${MAESTRO_CLUSTER_GRAIN_ASSEMBLY:-}" ]; then
    [ -f "$MAESTRO_CLUSTER_GRAIN_ASSEMBLY" ] || die "MAESTRO_CLUSTER_GRAIN_ASSEMBLY '$MAESTRO_CLUSTER_GRAIN_ASSEMBLY' is not a file."
    printf '%s\0' --grain-assembly "$MAESTRO_CLUSTER_GRAIN_ASSEMBLY"
  fi
}

check_count() {
  local command=$1 count=$2
  [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 20 ] || die "$command needs a number of silos from 1 to 20; got '${count}'."
  is_port $((http_base + count - 1)) || die "HTTP ports from $http_base do not fit $count silos."
  is_port $((silo_base + count - 1)) || die "silo ports from $silo_base do not fit $count silos."
  is_port $((gateway_base + count - 1)) || die "gateway ports from $gateway_base do not fit $count silos."
}

# Starts silo $1 in the background unless it already runs; prints its PID and ports.
launch_silo() {
  local i=$1 http=$((http_base + $1 - 1)) silo=$((silo_base + $1 - 1)) gateway=$((gateway_base + $1 - 1)) pid connection extra=()
  if pid=$(read_pid "$root/silo$i.pid" 2>/dev/null) && alive "$pid"; then
    return 0
  fi
  mapfile -d '' -t extra < <(grain_args)
  connection="Host=127.0.0.1;Port=$pg_port;Database=maestro;Username=postgres;Password=$(cat "$root/pg-password")"
  Maestro__Postgres="$connection" Maestro__InitialApiKey="$(cat "$root/admin-key")" nohup dotnet "$root/bin/Maestro.Silo.dll" \
    --port "$http" --silo-port "$silo" --gateway-port "$gateway" --data "$root/silo$i" --silo-name "silo$i" \
    --cluster-secret-file "$root/cluster-secret" "${extra[@]}" >"$root/silo$i.log" 2>&1 </dev/null &
  echo $! >"$root/silo$i.pid"
  echo "silo$i: PID $! HTTP http://127.0.0.1:$http silo port $silo gateway port $gateway log $root/silo$i.log"
}

# Waits until silos $1..$2 answer /health, or fails naming the first that exited or stayed unhealthy.
wait_healthy() {
  local deadline=$((SECONDS + 120)) i http pid
  for ((i = $1; i <= $2; i++)); do
    http=$((http_base + i - 1))
    pid=$(read_pid "$root/silo$i.pid")
    until curl -fsS -o /dev/null "http://127.0.0.1:$http/health" 2>/dev/null; do
      if ! alive "$pid"; then
        tail -n 20 "$root/silo$i.log" >&2
        die "silo$i (PID $pid) exited; see $root/silo$i.log. Run 'cluster.sh stop' to clean up."
      fi
      [ "$SECONDS" -lt "$deadline" ] || die "silo$i was not healthy within 120 s; see $root/silo$i.log."
      sleep 0.2
    done
  done
}

start() {
  local count=${1:-}
  check_count start "$count"
  [ "$(silo_count)" -eq 0 ] || die "silos are already running or PID files are left in $root; run 'cluster.sh stop' first."
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is required."
  grain_args >/dev/null

  echo "Building the silo into $root/bin"
  mkdir -p "$root"
  dotnet build "$repo/silo/Maestro.Silo.csproj" -c Release -o "$root/bin" -v quiet -nologo >"$root/build.log" 2>&1 \
    || { tail -n 30 "$root/build.log" >&2; die "the build failed (see $root/build.log)."; }

  start_database
  if [ ! -f "$root/cluster-secret" ]; then
    (umask 077 && openssl rand -hex 24 >"$root/cluster-secret")
  fi
  # The first admin API key, in the silo's key format (mk_<12 hex>_<secret>); silos store only its hash.
  if [ ! -f "$root/admin-key" ]; then
    (umask 077 && echo "mk_$(openssl rand -hex 6)_$(openssl rand -hex 24)" >"$root/admin-key")
  fi

  local i
  for ((i = 1; i <= count; i++)); do
    launch_silo "$i"
  done
  wait_healthy 1 "$count"
  echo "The cluster is up: $count silo(s). 'deploy/cluster.sh status' shows it, 'deploy/cluster.sh stop' stops it."
}

scale() {
  local count=${1:-} file name index pid i
  check_count scale "$count"
  [ -f "$root/bin/Maestro.Silo.dll" ] && pg_running || die "no cluster is running under $root; use 'cluster.sh start N' first."
  grain_args >/dev/null
  for file in "$root"/silo*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    index=${name#silo}
    [[ "$index" =~ ^[0-9]+$ ]] && [ "$index" -gt "$count" ] || continue
    if pid=$(read_pid "$file") && alive "$pid"; then
      echo "Stopping $name (PID $pid)"
      stop_pid "$pid" TERM KILL
    fi
    rm -f "$file"
  done
  for ((i = 1; i <= count; i++)); do
    launch_silo "$i"
  done
  wait_healthy 1 "$count"
  echo "The cluster has $count silo(s)."
}

# Starts the REST gateway process in front of every running silo's gateway port, and waits for its /health.
gateway_start() {
  local file name index pid endpoints=() i
  [ -f "$root/bin/Maestro.Silo.dll" ] && pg_running || die "no cluster is running under $root; use 'cluster.sh start N' first."
  if pid=$(read_pid "$root/gateway.pid" 2>/dev/null) && alive "$pid"; then
    echo "The REST gateway already runs (PID $pid) on http://127.0.0.1:$rest_gateway_port"
    return 0
  fi
  for file in "$root"/silo*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    index=${name#silo}
    [[ "$index" =~ ^[0-9]+$ ]] || continue
    if pid=$(read_pid "$file") && alive "$pid"; then
      endpoints+=(--gateway "127.0.0.1:$((gateway_base + index - 1))")
    fi
  done
  [ "${#endpoints[@]}" -gt 0 ] || die "no silo is running; use 'cluster.sh start N' first."

  echo "Building the REST gateway into $root/gateway-bin"
  dotnet build "$repo/client-api/Maestro.Gateway/Maestro.Gateway.csproj" -c Release -o "$root/gateway-bin" -v quiet -nologo \
    >"$root/gateway-build.log" 2>&1 || { tail -n 30 "$root/gateway-build.log" >&2; die "the build failed (see $root/gateway-build.log)."; }
  nohup dotnet "$root/gateway-bin/Maestro.Gateway.dll" --port "$rest_gateway_port" "${endpoints[@]}" \
    >"$root/gateway.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$root/gateway.pid"
  echo "gateway: PID $pid HTTP http://127.0.0.1:$rest_gateway_port silo gateways ${endpoints[*]} log $root/gateway.log"
  for ((i = 0; i < 600; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$rest_gateway_port/health" 2>/dev/null; then
      echo "The REST gateway is up: http://127.0.0.1:$rest_gateway_port (send the admin key from $root/admin-key as X-Api-Key)."
      return 0
    fi
    if ! alive "$pid"; then
      rm -f "$root/gateway.pid"
      tail -n 20 "$root/gateway.log" >&2
      die "the REST gateway (PID $pid) exited; see $root/gateway.log."
    fi
    sleep 0.2
  done
  die "the REST gateway was not healthy within 120 s; see $root/gateway.log."
}

gateway_stop() {
  local pid
  if pid=$(read_pid "$root/gateway.pid" 2>/dev/null) && alive "$pid"; then
    echo "Stopping the REST gateway (PID $pid)"
    stop_pid "$pid" TERM KILL
  fi
  rm -f "$root/gateway.pid"
}

gateway_status() {
  local pid health
  if pid=$(read_pid "$root/gateway.pid" 2>/dev/null) && alive "$pid"; then
    health=$(curl -s -m 10 "http://127.0.0.1:$rest_gateway_port/health" || echo "no answer")
    echo "REST gateway: running, PID $pid, HTTP $rest_gateway_port; health: $health"
  else
    echo "REST gateway: not running"
  fi
}

stop() {
  local file pid name
  gateway_stop
  for file in "$root"/silo*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    if pid=$(read_pid "$file") && alive "$pid"; then
      echo "Stopping $name (PID $pid)"
      stop_pid "$pid" TERM KILL
    fi
    rm -f "$file"
  done
  if pg_running; then
    pid=$(read_pid "$pg_data/postmaster.pid")
    echo "Stopping PostgreSQL (PID $pid)"
    stop_pid "$pid" INT QUIT
  fi
  echo "Stopped."
}

status() {
  if pg_running; then
    echo "PostgreSQL: running, PID $(read_pid "$pg_data/postmaster.pid"), 127.0.0.1:$pg_port"
  else
    echo "PostgreSQL: not running"
  fi
  local file pid name index health
  for file in "$root"/silo*.pid; do
    [ -e "$file" ] || { echo "Silos: none"; return 0; }
    name=$(basename "$file" .pid)
    index=${name#silo}
    [[ "$index" =~ ^[0-9]+$ ]] || continue
    pid=$(read_pid "$file" || echo "?")
    if [ "$pid" != "?" ] && alive "$pid"; then
      health=$(curl -s -m 5 "http://127.0.0.1:$((http_base + index - 1))/health" || echo "no answer")
      echo "$name: running, PID $pid, HTTP $((http_base + index - 1)), silo port $((silo_base + index - 1)), gateway port $((gateway_base + index - 1)); health: $health"
    else
      echo "$name: not running (PID file $file)"
    fi
  done
}

case "${1:-}" in
  start)
    [ "$#" -eq 2 ] || die "usage: cluster.sh start N"
    start "$2"
    ;;
  scale)
    [ "$#" -eq 2 ] || die "usage: cluster.sh scale N"
    scale "$2"
    ;;
  stop)
    [ "$#" -eq 1 ] || die "usage: cluster.sh stop"
    stop
    ;;
  status)
    [ "$#" -eq 1 ] || die "usage: cluster.sh status"
    status
    gateway_status
    ;;
  gateway)
    [ "$#" -eq 2 ] || die "usage: cluster.sh gateway start|stop|status"
    case "$2" in
      start) gateway_start ;;
      stop) gateway_stop ;;
      status) gateway_status ;;
      *) die "usage: cluster.sh gateway start|stop|status" ;;
    esac
    ;;
  -h | --help | help)
    usage
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
