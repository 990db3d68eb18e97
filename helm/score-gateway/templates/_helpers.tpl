{{/* Chart name, overridable. */}}
{{- define "score-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name: <release>-score-gateway unless the release name already contains it. */}}
{{- define "score-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The admin Service's name; "-admin" is kept within 63 characters. */}}
{{- define "score-gateway.adminName" -}}
{{- printf "%s-admin" (include "score-gateway.fullname" . | trunc 57 | trimSuffix "-") }}
{{- end }}

{{- define "score-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "score-gateway.labels" -}}
helm.sh/chart: {{ include "score-gateway.chart" . }}
{{ include "score-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: score-gateway
{{- end }}

{{/* Labels that select this release's pods (immutable once deployed). */}}
{{- define "score-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "score-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "score-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "score-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "score-gateway.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* http or https, for probes and the ServiceMonitor. */}}
{{- define "score-gateway.scheme" -}}
{{- if .Values.tls.existingSecret }}HTTPS{{ else }}HTTP{{ end }}
{{- end }}

{{/* Checks values the templates cannot render sensibly; fails the render with the key's name. */}}
{{- define "score-gateway.validate" -}}
{{- $modes := list "standalone" "cluster" "sentinel" }}
{{- if not (has .Values.redis.mode $modes) }}
{{- fail (printf "redis.mode: %q is not one of standalone, cluster, sentinel" .Values.redis.mode) }}
{{- end }}
{{- if and (not .Values.redis.existingSecret) (not .Values.redis.url) }}
{{- fail "redis.url: required unless redis.existingSecret is set" }}
{{- end }}
{{- if and (not .Values.redis.existingSecret) (regexMatch "://[^/@,]*@" (toString .Values.redis.url)) }}
{{- fail "redis.url: carries credentials (user:password@), which would land in a ConfigMap: put the whole URL in a Secret and set redis.existingSecret" }}
{{- end }}
{{- if and .Values.auth.enabled (not .Values.auth.existingSecret) }}
{{- fail "auth.existingSecret: name of the Secret holding the tokens file is required while auth.enabled is true" }}
{{- end }}
{{- if not (has .Values.podAntiAffinity (list "" "soft" "hard")) }}
{{- fail (printf "podAntiAffinity: %q is not one of soft, hard or empty" .Values.podAntiAffinity) }}
{{- end }}
{{- if eq (int .Values.gateway.httpPort) (int .Values.gateway.adminPort) }}
{{- fail "gateway.adminPort: must differ from gateway.httpPort" }}
{{- end }}
{{- $grpc := int .Values.gateway.grpcPort }}
{{- if and (gt $grpc 0) (or (eq $grpc (int .Values.gateway.httpPort)) (eq $grpc (int .Values.gateway.adminPort))) }}
{{- fail "gateway.grpcPort: must differ from gateway.httpPort and gateway.adminPort" }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas: must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- end }}

{{/* A setting as an env value: whole numbers without exponent (Helm reads YAML numbers as floats, 1000000 would print as 1e+06). */}}
{{- define "score-gateway.envValue" -}}
{{- if and (kindIs "float64" .) (eq (float64 (int64 .)) .) }}{{ int64 . | toString | quote }}{{ else }}{{ toString . | quote }}{{ end }}
{{- end }}
