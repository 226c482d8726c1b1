using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Testing
{
    /// <summary>
    /// A minimal Language Server Protocol client over stdio: enough to drive csharp-ls and
    /// yaml-language-server as an editor would (open, change, pull or receive diagnostics, complete,
    /// hover) and to answer the requests the server sends back (workspace/configuration: each section
    /// from the settings given; client/registerCapability, window/workDoneProgress/create: null).
    /// Linked into the test projects that drive a server (<c>testing/</c> holds no project of its own).
    /// </summary>
    internal sealed class LanguageServerClient : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>>();
        private readonly ConcurrentDictionary<string, JsonArray> _published = new ConcurrentDictionary<string, JsonArray>();
        private readonly StringBuilder _log = new StringBuilder();
        private readonly object _writeLock = new object();
        private readonly JsonObject _settings;
        private int _nextId;

        public LanguageServerClient(ProcessStartInfo start, JsonObject settings)
        {
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            _settings = settings;
            _process = Process.Start(start)!;
            _input = _process.StandardInput.BaseStream;
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (_log) { _log.AppendLine("stderr: " + e.Data); } } };
            _process.BeginErrorReadLine();
            new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" }.Start();
        }

        /// <summary>What the server wrote to stderr and the notifications it sent, for failure messages.</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    string text = _log.ToString();
                    return text.Length > 6000 ? text.Substring(text.Length - 6000) : text;
                }
            }
        }

        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            int id = Interlocked.Increment(ref _nextId);
            var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = completion;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            Task finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
            if (finished != completion.Task)
            {
                throw new TimeoutException($"{method} got no answer in {timeout.TotalSeconds} s\n{Log}");
            }

            return await completion.Task;
        }

        public void Notify(string method, JsonNode? parameters)
            => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>The last diagnostics the server pushed for a document, if it pushes any.</summary>
        public JsonArray? Published(string uri) => _published.TryGetValue(uri, out JsonArray? items) ? items : null;

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }

        private void Send(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            lock (_writeLock)
            {
                _input.Write(header, 0, header.Length);
                _input.Write(body, 0, body.Length);
                _input.Flush();
            }
        }

        private void ReadLoop()
        {
            Stream output = _process.StandardOutput.BaseStream;
            try
            {
                while (true)
                {
                    int length = ReadHeaders(output);
                    if (length < 0)
                    {
                        return;
                    }

                    byte[] body = new byte[length];
                    int read = 0;
                    while (read < length)
                    {
                        int n = output.Read(body, read, length - read);
                        if (n <= 0)
                        {
                            return;
                        }

                        read += n;
                    }

                    Dispatch(JsonNode.Parse(body)!.AsObject());
                }
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is JsonException)
            {
                lock (_log)
                {
                    _log.AppendLine("reader stopped: " + ex.Message);
                }
            }
        }

        private static int ReadHeaders(Stream stream)
        {
            int length = -1;
            var line = new StringBuilder();
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0)
                {
                    return -1;
                }

                if (b == '\n')
                {
                    string text = line.ToString().TrimEnd('\r');
                    line.Clear();
                    if (text.Length == 0)
                    {
                        return length;
                    }

                    if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    line.Append((char)b);
                }
            }
        }

        private void Dispatch(JsonObject message)
        {
            bool hasId = message.TryGetPropertyValue("id", out JsonNode? idNode) && idNode != null;
            string? method = message["method"]?.GetValue<string>();
            if (method != null && hasId)
            {
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = idNode!.DeepClone(), ["result"] = AnswerServerRequest(method, message["params"]) });
                return;
            }

            if (method == null && hasId)
            {
                if (_pending.TryRemove(idNode!.GetValue<int>(), out TaskCompletionSource<JsonNode?>? completion))
                {
                    if (message["error"] is JsonNode error)
                    {
                        completion.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
                    }
                    else
                    {
                        completion.TrySetResult(message["result"]?.DeepClone());
                    }
                }

                return;
            }

            if (method == "textDocument/publishDiagnostics")
            {
                string uri = message["params"]!["uri"]!.GetValue<string>();
                _published[uri] = message["params"]!["diagnostics"]!.DeepClone().AsArray();
            }
            else if (method == "window/logMessage" || method == "window/showMessage")
            {
                lock (_log)
                {
                    _log.AppendLine("log: " + message["params"]?["message"]?.GetValue<string>());
                }
            }
        }

        private JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
        {
            if (method == "workspace/configuration")
            {
                var results = new JsonArray();
                foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? new JsonArray())
                {
                    string? section = item?["section"]?.GetValue<string>();
                    JsonNode? value = section == null ? _settings["csharp"] ?? _settings : _settings[section];
                    results.Add(value?.DeepClone());
                }

                return results;
            }

            // client/registerCapability, window/workDoneProgress/create and the like want a plain null.
            return null;
        }
    }
}
